package dev.archbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.Knee.Found;
import dev.archbench.record.Knee.LimitedBy;
import dev.archbench.record.Knee.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How each part of a result merges when a benchmark's forks are added together, one rule per test. */
class ForkMergeRulesTest {
  private static Knee knee(double rate, Found found, Double highest, LimitedBy limit, Double stepSeconds) {
    return new Knee(List.of(rate), "req/s", Percentile.P99, 10, found, highest,
        List.of(List.of(new Step(rate, rate, 1, 2, 0))), limit, stepSeconds);
  }

  @Test
  void kneesDisagreeingClaimTheLeastAndKeepEveryForksRateAndSteps() {
    Knee bracketed = knee(300, Found.BRACKETED, 400.0, null, null);
    Knee lower = knee(500, Found.LOWER_BOUND, 500.0, null, null);
    Knee upper = knee(100, Found.UPPER_BOUND, 100.0, null, null);
    assertThat(bracketed.merge(lower).found()).isEqualTo(Found.LOWER_BOUND);
    assertThat(lower.merge(bracketed).found()).isEqualTo(Found.LOWER_BOUND);
    assertThat(bracketed.merge(upper).found()).isEqualTo(Found.UPPER_BOUND);
    assertThat(lower.merge(upper).found()).isEqualTo(Found.UPPER_BOUND);
    assertThat(bracketed.merge(bracketed).found()).isEqualTo(Found.BRACKETED);
    Knee m = bracketed.merge(lower);
    assertThat(m.rates()).containsExactly(300.0, 500.0);
    assertThat(m.steps()).hasSize(2);
    assertThat(m.highestRateTried()).isEqualTo(500.0);
    assertThat(m.unit()).isEqualTo("req/s");
  }

  @Test
  void aHighestRateMissingOnOneSideIsTheOthers() {
    assertThat(knee(1, Found.BRACKETED, null, null, null).merge(knee(2, Found.BRACKETED, 7.0, null, null))
        .highestRateTried()).isEqualTo(7.0);
    assertThat(knee(1, Found.BRACKETED, 9.0, null, null).merge(knee(2, Found.BRACKETED, null, null, null))
        .highestRateTried()).isEqualTo(9.0);
  }

  @Test
  void aGeneratorThatLimitedAnyForkLimitsTheKnee() {
    Knee server = knee(1, Found.BRACKETED, 2.0, LimitedBy.SERVER, 2.0);
    Knee generator = knee(1, Found.LOWER_BOUND, 2.0, LimitedBy.GENERATOR, 2.0);
    Knee unknown = knee(1, Found.BRACKETED, 2.0, null, null);
    assertThat(server.merge(generator).limitedBy()).isEqualTo(LimitedBy.GENERATOR);
    assertThat(generator.merge(server).limitedBy()).isEqualTo(LimitedBy.GENERATOR);
    assertThat(unknown.merge(server).limitedBy()).isEqualTo(LimitedBy.SERVER);
    assertThat(unknown.merge(unknown).limitedBy()).isNull();
    assertThat(unknown.merge(server).stepSeconds()).isEqualTo(2.0);
  }

  @Test
  void cpuCoresAreWeightedByEachSidesForks() {
    CpuSplit three = new CpuSplit(2.0, 1.0, 0.5, 100.0);
    CpuSplit one = new CpuSplit(6.0, 3.0, 0.1, 200.0);
    CpuSplit m = three.weightedWith(3, one, 1);
    assertThat(m.serverCores()).isCloseTo(3.0, within(1e-12));
    assertThat(m.clientCores()).isCloseTo(1.5, within(1e-12));
    assertThat(m.otherCores()).isCloseTo(0.4, within(1e-12));
    assertThat(m.serverRequestsPerCpuSecond()).isCloseTo(125.0, within(1e-12));
    // Requests per CPU-second unknown on one side: the other's, unweighted.
    CpuSplit none = new CpuSplit(1.0, 1.0, 1.0, null);
    assertThat(none.weightedWith(1, one, 1).serverRequestsPerCpuSecond()).isEqualTo(200.0);
    assertThat(three.weightedWith(1, none, 1).serverRequestsPerCpuSecond()).isEqualTo(100.0);
    assertThat(none.weightedWith(1, none, 1).serverRequestsPerCpuSecond()).isNull();
  }

  @Test
  void metricsWithRawDataAreScoredAsTheMeanOfForkMeansElseTheirScoresAveraged() {
    Metric a = new Metric("ms", false, 2.0, List.of(List.of(1.0, 3.0)));
    Metric b = new Metric("s", true, 99.0, List.of(List.of(8.0)));
    Metric m = a.merge(b);
    assertThat(m.rawData()).containsExactly(List.of(1.0, 3.0), List.of(8.0));
    assertThat(m.score()).isEqualTo(5.0);
    assertThat(m.unit()).isEqualTo("ms");
    assertThat(m.higherIsBetter()).isFalse();
    Metric once = new Metric("s", false, 4.0, null);
    assertThat(once.merge(new Metric("s", false, 6.0, null))).isEqualTo(new Metric("s", false, 5.0, null));
    assertThat(once.merge(new Metric("s", false, null, null)).score()).isEqualTo(4.0);
    assertThat(new Metric("s", false, null, null).merge(once).score()).isEqualTo(4.0);
  }

  @Test
  void metricsMergeByNameAndAMissingMapIsTheOther() {
    Map<String, Metric> a = Map.of("x", new Metric("s", false, 1.0, null), "y", new Metric("s", false, 2.0, null));
    Map<String, Metric> b = Map.of("y", new Metric("s", false, 4.0, null), "z", new Metric("s", false, 8.0, null));
    assertThat(Metric.mergeByName(a, b)).containsExactly(Map.entry("x", new Metric("s", false, 1.0, null)),
        Map.entry("y", new Metric("s", false, 3.0, null)), Map.entry("z", new Metric("s", false, 8.0, null)));
    assertThat(Metric.mergeByName(null, b)).isSameAs(b);
    assertThat(Metric.mergeByName(a, null)).isSameAs(a);
    assertThat(Metric.mergeByName(null, null)).isNull();
  }

  @Test
  void precisionAppendsWarmupsInForkOrderUnderTheEarlierTargetWithNoStopReason() {
    Precision earlier = new Precision(0.05, 0.08, Precision.StopReason.BUDGET, List.of(2), List.of(List.of(9.0, 8.0)),
        12.5);
    Precision next = new Precision(0.01, 0.5, Precision.StopReason.TARGET_MET, List.of(1), List.of(List.of(7.0)), 3.0);
    assertThat(Precision.ofForks(earlier, next)).isEqualTo(
        new Precision(0.05, 0.08, null, List.of(2, 1), List.of(List.of(9.0, 8.0), List.of(7.0)), 12.5));
    assertThat(Precision.ofForks(null, next))
        .isEqualTo(new Precision(null, null, null, List.of(1), List.of(List.of(7.0)), null));
    assertThat(Precision.ofForks(earlier, null))
        .isEqualTo(new Precision(0.05, 0.08, null, List.of(2), List.of(List.of(9.0, 8.0)), 12.5));
    assertThat(Precision.ofForks(null, null)).isEqualTo(new Precision(null, null, null, null, null, null));
  }
}
