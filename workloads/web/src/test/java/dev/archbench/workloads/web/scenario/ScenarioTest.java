package dev.archbench.workloads.web.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Knee;
import dev.archbench.record.Latency;
import dev.archbench.record.Percentile;
import dev.archbench.workload.ScenarioMeasurement;
import org.HdrHistogram.Histogram;
import dev.archbench.workload.Scenario.ScenarioSettings;
import dev.archbench.workload.WorkloadOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios end to end with tiny budgets: the shape of their results, not their numbers. */
class ScenarioTest {
  private static final ScenarioSettings TINY = new ScenarioSettings(0.3, 0.5, 2, 1, Map.of());

  @Test
  void closedLoopGivesThroughputPercentilesAndCpuSplit() throws Exception {
    ScenarioMeasurement r = new ClosedLoopScenario().run(
        Map.of("endpoint", "orders", "tls", "none", "concurrency", "2"), TINY);
    assertThat(r.rawData()).hasSize(1);
    assertThat(r.rawData().get(0)).hasSize(2).allSatisfy(x -> assertThat(x).isPositive());
    assertThat(r.latency().histograms()).hasSize(1);
    Histogram h = Latency.decode(r.latency().histograms().get(0));
    assertThat(h.getTotalCount()).isPositive();
    assertThat(r.latency().percentilesMs()).containsOnlyKeys(Latency.SUMMARY);
    assertThat(List.copyOf(r.latency().percentilesMs().values())).isSorted();
    assertThat(r.latency().percentilesMs().get(Percentile.P99)).isEqualTo(Latency.millis(h, Percentile.P99));
    assertThat(r.cpu().serverCores()).isPositive();
    assertThat(r.cpu().serverRequestsPerCpuSecond()).isPositive();
    assertThat(r.knee()).isNull();
    assertThat(r.attributes()).containsEntry("connections", "2").containsKey("transport");
  }

  @Test
  void closedLoopOverBoringSsl() throws Exception {
    ScenarioMeasurement r = new ClosedLoopScenario().run(
        Map.of("endpoint", "json", "tls", "openssl", "concurrency", "1"),
        new ScenarioSettings(0.2, 0.3, 1, 1, Map.of()));
    assertThat(r.rawData().get(0)).allSatisfy(x -> assertThat(x).isPositive());
    assertThat(r.attributes().get("tls.server")).contains("TLSv1.3");
  }

  @Test
  void kneeSearchRecordsTheKneeAndItsSteps() throws Exception {
    // A generous target so that the knee exists even on a loaded machine.
    ScenarioMeasurement r = new KneeScenario().run(
        Map.of("endpoint", "json", "tls", "none", "concurrency", "4", "ladder", "0.3,0.6", "refine", "1"),
        new ScenarioSettings(0.5, 1.0, 1, 1, Map.of(WorkloadOptions.WEB_P99_TARGET_MS, "1000")));
    Knee k = r.knee();
    assertThat(k.boundMs()).isEqualTo(1000.0);
    assertThat(k.percentile()).isEqualTo(Percentile.P99);
    assertThat(k.unit()).isEqualTo("req/s");
    assertThat(r.rawData()).containsExactly(k.rates());
    assertThat(r.attributes().get("steps")).contains("req/s ->");
    assertThat(k.rates().get(0)).isPositive().isLessThanOrEqualTo(k.highestRateTried());
    // The knee's latency is that step's histogram, within the bound unless no rate met it.
    double p99 = r.latency().percentilesMs().get(Percentile.P99);
    if (k.found() == Knee.Found.UPPER_BOUND) {
      assertThat(p99).isGreaterThan(1000.0);
    } else {
      assertThat(p99).isLessThanOrEqualTo(1000.0);
      assertThat(k.found()).isIn(Knee.Found.BRACKETED, Knee.Found.LOWER_BOUND);
    }
  }

  @Test
  void p99TargetComesFromTheRunOptions() {
    assertThat(KneeScenario.p99TargetMillis(new ScenarioSettings(0, 0, 1, 1, Map.of()))).isEqualTo(10.0);
    assertThat(KneeScenario.p99TargetMillis(new ScenarioSettings(0, 0, 1, 1,
        Map.of(WorkloadOptions.WEB_P99_TARGET_MS, "25")))).isEqualTo(25.0);
  }
}
