package dev.archbench.reports;

import dev.archbench.record.Status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.RegressionCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RegressionCheckTest {
  static RunRecord base() {
    return Fixtures.record(Fixtures.host("c7g.xlarge", true), Fixtures.runId(1, 1), "old", "quick", 1.0, 11);
  }

  /** A second run of the same host: same shape, another seed, some results scaled. */
  static RunRecord next(Map<String, Double> scale, UnaryOperator<BenchmarkResult> extra) {
    RunRecord r = Fixtures.record(Fixtures.host("c7g.xlarge", true), Fixtures.runId(1, 2), "new", "quick", 1.0, 12);
    List<BenchmarkResult> out = new ArrayList<>();
    for (BenchmarkResult b : r.results()) {
      double s = scale.getOrDefault(b.key(), 1.0);
      List<List<Double>> raw = b.rawData() == null ? null
          : b.rawData().stream().map(f -> f.stream().map(v -> v * s).toList()).toList();
      out.add(extra.apply(new BenchmarkResult(b.key(), b.workload(), b.benchmark(), b.params(), b.mode(), b.threads(),
          b.forks(), b.unit(), b.higherIsBetter(), b.score() == null ? null : b.score() * s, b.scoreError(),
          b.confidence(), b.percentiles(), raw, b.secondary(), b.attributes(), b.startedAt(), b.endedAt(),
          b.status(), b.reason())));
    }
    return new RunRecord(r.schemaVersion(), r.host(), r.run(), out);
  }

  static Map<String, Verdict> verdicts(RegressionCheck.Result res) {
    return res.rows().stream().collect(Collectors.toMap(RegressionCheck.Row::key, RegressionCheck.Row::verdict,
        (a, b) -> a, TreeMap::new));
  }

  @Test
  void tenPercentSlowerIsARegressionTwoPercentIsNotAndFasterIsAnImprovement() {
    String zstd = "compression/zstd.compress[corpus=silesia-mix,level=3]@1";
    String lz4 = "compression/lz4.decompress[corpus=silesia-mix]@1";
    String resnet = "inference/resnet18.singleStream[batch=1,engine=OnnxRuntime]@1";
    RunRecord n = next(Map.of(zstd, 0.9, lz4, 1.15, resnet, 1.2), UnaryOperator.identity());
    RegressionCheck.Result res = RegressionCheck.compare(new LoadedRecord("old.json", base()),
        new LoadedRecord("new.json", n), 0.05);
    Map<String, Verdict> v = verdicts(res);
    assertThat(v.get(zstd)).isEqualTo(Verdict.REGRESSION);
    assertThat(v.get(lz4)).isEqualTo(Verdict.IMPROVEMENT);
    // ms/op 20% higher is slower: a regression although the number went up.
    assertThat(v.get(resnet)).isEqualTo(Verdict.REGRESSION);
    assertThat(res.regressed()).isTrue();
    assertThat(res.warnings()).isEmpty();
    String md = RegressionCheck.markdown(res, "old.json", "new.json");
    assertThat(md).contains("**2 regressions beyond the threshold.**").contains("| **regression** |");

    RegressionCheck.Result small = RegressionCheck.compare(new LoadedRecord("old.json", base()),
        new LoadedRecord("new.json", next(Map.of(zstd, 0.98), UnaryOperator.identity())), 0.05);
    assertThat(verdicts(small).get(zstd)).isIn(Verdict.WITHIN_THRESHOLD, Verdict.NO_SIGNIFICANT_DIFFERENCE);
    assertThat(small.regressed()).isFalse();
  }

  @Test
  void aBenchmarkThatNowFailsIsARegressionAndDifferentHostsAreWarnedAbout() {
    RunRecord n = next(Map.of(), b -> b.key().startsWith("web/jackson")
        ? new BenchmarkResult(b.key(), b.workload(), b.benchmark(), b.params(), b.mode(), b.threads(), 0, b.unit(),
            b.higherIsBetter(), null, null, null, null, null, null, null, null, null, Status.FAILED, "boom")
        : b);
    RunRecord other = new RunRecord(n.schemaVersion(), Fixtures.host("c7i.xlarge", false), n.run(), n.results());
    RegressionCheck.Result res = RegressionCheck.compare(new LoadedRecord("old.json", base()),
        new LoadedRecord("new.json", other), 0.05);
    assertThat(verdicts(res).get("web/jackson.serialize@1")).isEqualTo(Verdict.FAILED_IN_NEW);
    assertThat(res.regressed()).isTrue();
    assertThat(res.warnings()).containsExactly(
        "the records come from different hosts (c7g.xlarge, c7i.xlarge); compare is meant for two runs of the same host");
  }
}
