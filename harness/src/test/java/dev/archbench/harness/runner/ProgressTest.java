package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.lifecycle.PlainProgress;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.lifecycle.TtyProgress;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.Status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.ScoreInterval;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final BenchmarkSpec SPEC = new BenchmarkSpec("zstd.compress", "s", "m", "MB/s", true,
      new JmhMethod("x.Y.z"), Map.of(), false, List.of(), null);
  private static final String HOST = "c7g.xlarge";
  private final AtomicLong now = new AtomicLong();
  private final List<PlanItem> plan = List.of(
      new PlanItem("compression", SPEC, Map.of("level", "1"), Map.of(), 1, "thrpt", 60, null),
      new PlanItem("compression", SPEC, Map.of("level", "3"), Map.of(), 1, "thrpt", 60, null),
      new PlanItem("compression", SPEC, Map.of("level", "9"), Map.of(), 1, "thrpt", 0, "no native zstd"));

  private static BenchmarkResult ok(PlanItem item, List<Double> iterations) {
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name()).params(item.params())
        .mode("thrpt").threads(1).forks(1).unit("MB/s").higherIsBetter(true)
        .score(BenchmarkResult.meanOfForkMeans(List.of(iterations))).rawData(List.of(iterations)).status(Status.OK)
        .build();
  }

  @Test
  void ttyLineShowsIndexNameElapsedAndEtaFromThePlan() {
    StringWriter sw = new StringWriter();
    TtyProgress p = new TtyProgress(new PrintWriter(sw), plan, HOST, now::get, false);
    p.started(1, plan.get(0));
    now.addAndGet(20_000_000_000L);
    assertThat(p.line()).isEqualTo("[1/3] compression/zstd.compress[level=1]@1  elapsed 0:20  ETA 1:40");
    BenchmarkResult first = ok(plan.get(0), List.of(510.0, 512.4, 514.8));
    p.ended(1, plan.get(0), first, false);
    p.started(2, plan.get(1));
    now.addAndGet(90_000_000_000L);
    // Over its estimate: the current item counts as done, nothing after it is planned.
    assertThat(p.line()).endsWith("elapsed 1:50  ETA 0:00");
    p.close();
    String out = sw.toString();
    // The report's interval for this record on this host (same method, same seed), with its caveat.
    Estimate e = ScoreInterval.of(first, HOST).estimate();
    assertThat(out).contains(TtyProgress.CLEAR + "[1/3] ok compression/zstd.compress[level=1]@1: 512 MB/s, 95% interval "
        + Progress.number(e.lower()) + " to " + Progress.number(e.upper()) + " (one fork: iteration noise only)\n");
    // Three values: widened for their small number, beyond the values themselves.
    assertThat(e.lower()).isLessThan(510.0);
    assertThat(e.upper()).isGreaterThan(514.8);
    assertThat(out).contains("\r").doesNotContain("\n[2/3]");
  }

  @Test
  void plainProgressPrintsOneLinePerStartAndEnd() {
    StringWriter sw = new StringWriter();
    PlainProgress p = new PlainProgress(new PrintWriter(sw), plan, HOST, false, now::get);
    p.started(1, plan.get(0));
    now.addAndGet(61_000_000_000L);
    p.ended(1, plan.get(0), ok(plan.get(0), List.of(0.01234)), false);
    PlanItem skipped = plan.get(2);
    p.started(3, skipped);
    p.ended(3, skipped, BenchmarkResult.skipped("compression", "zstd.compress", skipped.params(), 1, "MB/s",
        true, "no native zstd"), false);
    assertThat(sw.toString()).isEqualTo("""
        [1/3] start compression/zstd.compress[level=1]@1 (run ETA 2:00)
        [1/3] ok compression/zstd.compress[level=1]@1: 0.01234 MB/s (a single measurement: no interval) (1:01)
        [3/3] skipped compression/zstd.compress[level=9]@1: no native zstd
        """);
    assertThat(sw.toString()).doesNotContain("\r");
  }

  @Test
  void quietShowsOnlyFailures() {
    StringWriter sw = new StringWriter();
    PlainProgress p = new PlainProgress(new PrintWriter(sw), plan, HOST, true, now::get);
    p.started(1, plan.get(0));
    p.ended(1, plan.get(0), ok(plan.get(0), List.of(5.0)), false);
    p.started(2, plan.get(1));
    p.ended(2, plan.get(1), Outcome.failed(plan.get(1), "java.lang.OutOfMemoryError", null, null).result(), false);
    assertThat(sw.toString()).isEqualTo("[2/3] FAILED compression/zstd.compress[level=3]@1: java.lang.OutOfMemoryError (0:00)\n");
  }

  @Test
  void durationsAreMinutesOrHours() {
    assertThat(Progress.duration(59.6)).isEqualTo("1:00");
    assertThat(Progress.duration(3725)).isEqualTo("1:02:05");
  }
}
