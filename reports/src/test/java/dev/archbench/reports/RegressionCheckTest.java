package dev.archbench.reports;

import dev.archbench.record.Status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.reports.RegressionCheck.Verdict;
import dev.archbench.reports.format.CompareText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
  static final String ZSTD = "compression/zstd.compress[blockSize=65536,codec=zstd,corpus=json-logs,level=3]@1";
  static final String SAMPLED = "selftest/sum.latency[size=1000]@1";
  static final String SUM = "selftest/sum[size=1000]@1";

  static LoadedRecord old() {
    return Fixtures.load("v2/c7g-1.json");
  }

  /** OLD again as a new run, every ok result's raw data scaled by {@code scale.get(key)} (default 1). */
  static LoadedRecord planted(Map<String, Double> scale, UnaryOperator<BenchmarkResult> extra) {
    return Fixtures.mapResults(old(), "new.json", Fixtures.runId(1, 2), b -> {
      double s = scale.getOrDefault(b.key(), 1.0);
      return extra.apply(Fixtures.withRaw(b, b.rawData().stream().map(f -> f.stream().map(v -> v * s).toList()).toList()));
    });
  }

  static Map<String, Verdict> verdicts(RegressionCheck.Result res) {
    return res.rows().stream().collect(Collectors.toMap(RegressionCheck.Row::key, RegressionCheck.Row::verdict,
        (a, b) -> a, TreeMap::new));
  }

  @Test
  void plantedSlowdownsAreRegressionsAndSpeedupsImprovementsWhateverTheUnit() {
    // These fixture results have a few steady forks of one record each: only large changes are significant.
    RegressionCheck.Result res = RegressionCheck.compare(old(), planted(Map.of(ZSTD, 0.5, SUM, 2.0, SAMPLED, 4.0),
        UnaryOperator.identity()), 0.05);
    Map<String, Verdict> v = verdicts(res);
    assertThat(v.get(ZSTD)).isEqualTo(Verdict.REGRESSION);
    assertThat(v.get(SUM)).isEqualTo(Verdict.IMPROVEMENT);
    // us/op four times as high is slower: a regression although the number went up.
    assertThat(v.get(SAMPLED)).isEqualTo(Verdict.REGRESSION);
    assertThat(res.regressed()).isTrue();
    assertThat(res.warnings()).isEmpty();
    String md = CompareText.markdown(res, "old.json", "new.json");
    assertThat(md).contains("**2 regressions beyond the threshold.**").contains("| **regression** (");
    // The record's own interval, as its report shows it, with what it cannot include.
    RegressionCheck.Row row = res.rows().stream().filter(r -> r.key().equals(ZSTD)).findFirst().orElseThrow();
    assertThat(row.note()).startsWith(dev.archbench.stats.IntervalScope.FORKS.caveat());

    RegressionCheck.Result same = RegressionCheck.compare(old(), planted(Map.of(), UnaryOperator.identity()), 0.05);
    assertThat(verdicts(same).values()).allMatch(x -> x == Verdict.NO_SIGNIFICANT_DIFFERENCE || x == Verdict.NOT_COMPARED);
    assertThat(same.regressed()).isFalse();
  }

  @Test
  void aBenchmarkThatNowFailsIsARegressionAndDifferentHostsAreWarnedAbout() {
    LoadedRecord n = planted(Map.of(), b -> b.key().equals(ZSTD)
        ? BenchmarkResult.builder(b.key(), b.workload(), b.benchmark()).params(b.params()).mode(b.mode())
            .threads(b.threads()).unit(b.unit()).higherIsBetter(b.higherIsBetter()).status(Status.FAILED)
            .reason("boom").build()
        : b);
    LoadedRecord other = Fixtures.rerun(n, "new.json", n.record().run().id(),
        h -> Fixtures.onEc2(h, "c7i.xlarge", "on-demand"), i -> i);
    RegressionCheck.Result res = RegressionCheck.compare(old(), other, 0.05);
    assertThat(verdicts(res).get(ZSTD)).isEqualTo(Verdict.FAILED_IN_NEW);
    assertThat(res.regressed()).isTrue();
    assertThat(res.warnings()).containsExactly(
        "the records come from different hosts (c7g.xlarge, c7i.xlarge); compare is meant for two runs of the same host");
  }

  @Test
  void aBenchmarkWithNoSteadyForkIsNeverCalledDifferentAndLeftOutForksAreNamed() {
    dev.archbench.record.ForkRun climbing = new dev.archbench.record.ForkRun(
        dev.archbench.record.ForkRun.Steadiness.NO_STEADY_STATE, 6, 0.5, List.of(1.0, 2.0, 4.0, 8.0, 16.0, 32.0), null);
    LoadedRecord n = planted(Map.of(ZSTD, 0.5, SUM, 0.5), b -> b.key().equals(ZSTD)
        ? BenchmarkResult.builder(b.key(), b.workload(), b.benchmark()).params(b.params()).mode(b.mode())
            .threads(b.threads()).forks(1).unit(b.unit()).higherIsBetter(b.higherIsBetter()).rawData(List.of())
            .status(Status.UNSTEADY).reason("no steady state in 1 fork").forkRuns(List.of(climbing)).build()
        : b.key().equals(SUM)
        ? b.toBuilder().forks(b.forks() + 1).forkRuns(List.of(climbing, new dev.archbench.record.ForkRun(
            dev.archbench.record.ForkRun.Steadiness.FLAT, 0, 0.5, b.rawData().get(0), null))).build()
        : b);
    RegressionCheck.Result res = RegressionCheck.compare(old(), n, 0.05);
    assertThat(verdicts(res).get(ZSTD)).isEqualTo(Verdict.NOT_COMPARED);
    RegressionCheck.Row zstd = res.rows().stream().filter(r -> r.key().equals(ZSTD)).findFirst().orElseThrow();
    assertThat(zstd.note()).isEqualTo("not steady in NEW: no steady state in 1 fork");
    RegressionCheck.Row sum = res.rows().stream().filter(r -> r.key().equals(SUM)).findFirst().orElseThrow();
    assertThat(sum.note()).contains("1 fork not steady in NEW, left out");
  }
}
