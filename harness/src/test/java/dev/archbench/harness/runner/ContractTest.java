package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.VariantRun;
import dev.archbench.reports.LoadedRecord;
import dev.archbench.reports.RegressionCheck;
import dev.archbench.reports.VariantComparison;
import dev.archbench.reports.ReportOptions;
import dev.archbench.reports.Reports;
import dev.archbench.reports.TargetLoad;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binds producers to the consumer: real producers (JMH throughput and sample mode, a scenario, the
 * web knee search, the inference server scenario) write a record, and the report must find in it
 * every quantity it computes from: latency distributions, knees with their bounds, CPU splits,
 * subjects, and capacity answers for both load tests. A producer that stops writing one of them
 * (or writes it where the report does not read) fails here, not in a user's report.
 */
class ContractTest {
  @TempDir Path dir;

  @Test
  void everyQuantityTheProducersWriteIsReadByTheReport() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("results");
    Runs.run(runs.env(Runs.localHost(), Map.of("DJL_OFFLINE", "true"), dir.resolve("roots")),
        "--workloads", "selftest,web,inference", "--profile", "smoke", "--jmh", Runs.FAST_JMH,
        "--include", "selftest/sum", "--include", "web/knee.http$", "--include", "inference/server.mlp.onnxruntime$",
        "--out", out.toString(), "--work-dir", dir.resolve("work").toString(), "--label", "contract",
        "--progress", "plain", "--p99-target-ms", "1000", "--latency-bound-ms", "1000");
    RunRecord record = RecordFiles.read(Runs.recordIn(out));
    assertThat(record.results()).as(runs.err.toString()).allMatch(BenchmarkResult::isOk);
    BenchmarkResult sampled = byPrefix(record, "selftest/sum.latency");
    BenchmarkResult knee = byPrefix(record, "web/knee.http");
    BenchmarkResult server = byPrefix(record, "inference/server.mlp.onnxruntime");

    // What the producers must write.
    assertThat(sampled.latency().histograms()).hasSize(sampled.rawData().size());
    for (BenchmarkResult r : List.of(knee, server)) {
      assertThat(r.knee()).as(r.key()).isNotNull();
      assertThat(r.knee().boundMs()).isEqualTo(1000.0);
      assertThat(r.knee().percentile()).isEqualTo(Percentile.P99);
      assertThat(r.knee().found()).isNotEqualTo(Knee.Found.UNKNOWN);
      assertThat(r.latency().histograms()).hasSize(1);
      assertThat(r.knee().steps()).as("one search per fork").hasSize(1);
      assertThat(r.knee().steps().get(0)).as("every step tried").hasSizeGreaterThanOrEqualTo(1)
          .allSatisfy(st -> assertThat(st.p99Ms()).isGreaterThanOrEqualTo(st.p50Ms()).isPositive());
      assertThat(r.knee().steps().get(0).stream().map(Knee.Step::offered)).contains(r.knee().rates().get(0));
    }
    assertThat(knee.cpu().serverCores()).isPositive();
    assertThat(server.subject().sha256()).hasSize(64);
    for (BenchmarkResult r : List.of(sampled, knee, server)) {
      assertThat(r.precision()).as(r.key()).isNotNull();
      assertThat(r.precision().stopReason()).as("smoke runs one fork").isEqualTo(
          dev.archbench.record.Precision.StopReason.BENCHMARK_CAP);
      assertThat(r.precision().seconds()).isPositive();
    }

    // What the report must read from it.
    Analysis a = Reports.analyze(List.of(new LoadedRecord("contract.json", record)), List.of(),
        ReportOptions.defaults().withAllowNoisy(true).withPrices(List.of(ManualPrice.parse("contract=0.0836")))
            .withTargetLoads(List.of(TargetLoad.parse("web:json=2000rps@p99<1000ms"),
                TargetLoad.parse("inference:mlp=500ips@p99<1000ms"))));
    for (BenchmarkResult r : List.of(sampled, knee, server)) {
      Cell c = cell(a, r.key());
      assertThat(c.latency()).as(r.key()).isNotNull();
      assertThat(c.latency().histograms()).isEqualTo(r.latency().histograms().size());
      assertThat(c.latency().percentilesMs()).containsKey(Percentile.P99);
    }
    for (BenchmarkResult r : List.of(knee, server)) {
      Cell c = cell(a, r.key());
      assertThat(c.knee().rate().value()).isEqualTo(r.knee().rates().get(0), org.assertj.core.api.Assertions.within(
          r.knee().rates().get(0) * 1e-5));
      assertThat(c.knee().boundMs()).isEqualTo(r.knee().boundMs());
      assertThat(c.knee().searches()).as("the curve the report draws").isEqualTo(r.knee().steps());
    }
    for (Analysis.CapacityPlan plan : a.capacity()) {
      Analysis.CapacityAnswer ans = plan.answers().get(0);
      assertThat(ans.note()).as(plan.target()).doesNotStartWith("no knee measured");
      if (ans.kneeFound() != Knee.Found.UPPER_BOUND) {
        assertThat(ans.instances()).as(plan.target()).isPositive();
        assertThat(ans.monthlyUsd()).isPositive();
      }
    }
    for (BenchmarkResult r : List.of(sampled, knee, server)) {
      assertThat(cell(a, r.key()).sample().precision().stopReasons()).containsExactly("benchmark-cap");
    }
    for (ReportFormat.Type t : ReportFormat.Type.values()) {
      assertThat(Reports.render(a, t)).isNotEmpty();
    }
  }

  /**
   * A run of variants: the runner writes each variant's forks and the rounds that paired them, and
   * {@code compare RECORD} reads the pairs from them. The variant runs its forks in the interpreter
   * ({@code -Xint}), a slowdown no noise hides, so the comparison must call it a regression.
   */
  @Test
  void aRunOfVariantsRecordsItsPairsAndCompareReadsThem() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("variants");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")),
        "--workloads", "selftest", "--include", "selftest/sum$", "--profile", "smoke", "--jmh", Runs.FAST_JMH + " -f 3",
        "--variant", "base=", "--variant", "interpreted=--jvm-args -Xint", "--out", out.toString(),
        "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    Path file = Runs.recordIn(out);
    RunRecord record = RecordFiles.read(file); // validated against the schema
    VariantRun v = record.variants();
    assertThat(v.names()).containsExactly("base", "interpreted");
    assertThat(v.variants().get(1).jvmArgs()).isEqualTo("-Xint");
    assertThat(v.duet()).isNull();
    assertThat(record.results()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.key()).matches(".*#(base|interpreted)");
      assertThat(r.forkRuns()).as(r.key()).hasSize(3);
      assertThat(r.precision().stopReason()).isIn(StopReason.BENCHMARK_CAP, StopReason.DECIDED);
    });
    assertThat(v.benchmarks()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.rounds()).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(p.rounds().get(i).forkOf("base")).isEqualTo(i);
        assertThat(p.rounds().get(i).forkOf("interpreted")).isEqualTo(i);
      }
    });
    String base = v.benchmarks().get(0).benchmark();
    assertThat(Files.readString(file.resolveSibling(record.run().id() + ".log")))
        .contains("# archbench: " + base + " variant interpreted fork 3");

    VariantComparison.Result result = VariantComparison.compare(new LoadedRecord(file.toString(), record), 0.05);
    assertThat(result.rows()).hasSize(v.benchmarks().size()).allSatisfy(row -> {
      assertThat(row.pairs()).isEqualTo(3);
      assertThat(row.verdict()).isEqualTo(RegressionCheck.Verdict.REGRESSION);
      assertThat(row.ratio().upper()).isLessThan(0.5);
      assertThat(row.detectable()).isPositive();
    });
    assertThat(VariantComparison.markdown(result, "r.json")).contains("| " + dev.archbench.reports.format.Fmt.md(base) + " | interpreted |")
        .contains("**regression**");
    // The report reads the same pairs and draws them.
    Analysis a = Reports.analyze(List.of(new LoadedRecord("variants.json", record)), List.of(),
        ReportOptions.defaults().withAllowNoisy(true));
    assertThat(a.variants()).singleElement().satisfies(s -> {
      assertThat(s.variants()).containsExactly("base", "interpreted");
      assertThat(s.rows()).isEqualTo(result.rows());
    });
    assertThat(Reports.render(a, ReportFormat.Type.MARKDOWN)).contains("## Variants on one host")
        .containsPattern(base.replace("[", "\\[").replace("]", "\\]") + " interpreted +\\[?-*o");
    assertThat(Reports.render(a, ReportFormat.Type.HTML)).contains("<section id=\"variants\">")
        .contains("<figure><figcaption>Variants on ");
    assertThat(Reports.render(a, ReportFormat.Type.JSON)).contains("\"variants\"");
  }

  static BenchmarkResult byPrefix(RunRecord r, String prefix) {
    return r.results().stream().filter(x -> x.key().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no result " + prefix + " in the record"));
  }

  static Cell cell(Analysis a, String key) {
    return a.benchmarks().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().cells().get(0);
  }
}
