package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.measure.ForkMerge;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.IterationPlanner;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.PrecisionModel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResultBuilder;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Profile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The runner's fork scheduling, stopping rule, warm-up detection and iteration planning. */
class AdaptiveStoppingTest {
  private static final BenchmarkSpec SPEC = new BenchmarkSpec("sum", "s", "m", "ops/s", true,
      new JmhMethod("x.Y.z"), Map.of(), false, List.of(), null);
  private final AtomicLong now = new AtomicLong();

  private static PlanItem item(String size) {
    return new PlanItem("selftest", SPEC, Map.of("size", size), Map.of(), 1, "thrpt", 10, null);
  }

  private static BenchmarkResult fork(PlanItem item, List<Double> values) {
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name()).params(item.params())
        .mode("thrpt").threads(1).forks(1).unit("ops/s").higherIsBetter(true)
        .score(BenchmarkResult.meanOfForkMeans(List.of(values))).rawData(List.of(values))
        .startedAt("2026-12-06T10:00:00Z").endedAt("2026-12-06T10:00:05Z").status(Status.OK).build();
  }

  private static BenchmarkResultBuilder scenarioFork(PlanItem item, double value, Knee knee) {
    return BenchmarkResult.builder(item.key(), item.workload(), "sum").params(item.params()).mode("scenario")
        .threads(1).forks(1).unit("req/s").higherIsBetter(true).score(value).rawData(List.of(List.of(value)))
        .knee(knee).status(Status.OK);
  }

  private static ProfileSettings settings(int min, int max, Double precision, Duration budget) {
    return new ProfileSettings(min, max, 1, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), precision, budget);
  }

  /** Runs the scheduler to the end; each fork's values come from {@code noise} around 100 and take 10 s. */
  private Map<String, BenchmarkResult> run(ForkScheduler s, double forkSd, double iterSd, List<String> order) {
    Random r = new Random(7);
    Map<String, BenchmarkResult> last = new HashMap<>();
    ForkScheduler.Next n;
    while ((n = s.next()) != null) {
      order.add(n.item().key() + "#" + n.fork());
      double forkMean = 100 + forkSd * r.nextGaussian();
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n.plan().measurementIterations(); i++) {
        values.add(forkMean + iterSd * r.nextGaussian());
      }
      now.addAndGet(10_000_000_000L);
      last.put(n.item().key(), s.completed(n, fork(n.item(), values), 10));
    }
    s.results().forEach(x -> last.put(x.key(), x));
    return last;
  }

  @Test
  void quietBenchmarksStopAtTheTargetAndNoisyOnesAtTheirCap() {
    List<PlanItem> plan = List.of(item("1"), item("2"));
    ForkScheduler quiet = new ForkScheduler(plan, settings(2, 6, 0.05, Duration.ofHours(1)), ForkOrder.INTERLEAVED,
        1, now::get, "h", Map.of(), true);
    Map<String, BenchmarkResult> q = run(quiet, 0.5, 0.5, new ArrayList<>());
    assertThat(q.values()).allSatisfy(r -> {
      assertThat(r.precision().stopReason()).isEqualTo(StopReason.TARGET_MET);
      assertThat(r.precision().halfWidth()).isLessThanOrEqualTo(0.05);
      assertThat(r.precision().target()).isEqualTo(0.05);
    });
    ForkScheduler noisy = new ForkScheduler(plan, settings(2, 4, 0.01, Duration.ofHours(1)), ForkOrder.INTERLEAVED,
        1, now::get, "h", Map.of(), true);
    Map<String, BenchmarkResult> n = run(noisy, 20, 5, new ArrayList<>());
    assertThat(n.values()).allSatisfy(r -> {
      assertThat(r.forks()).isEqualTo(4);
      assertThat(r.precision().stopReason()).isEqualTo(StopReason.BENCHMARK_CAP);
      assertThat(r.precision().missedTarget()).isTrue();
      assertThat(r.forkRuns()).hasSize(4);
    });
  }

  @Test
  void everyBenchmarkHasItsFirstForkBeforeAnyHasItsSecondInASeededOrder() {
    List<PlanItem> plan = List.of(item("1"), item("2"), item("3"), item("4"));
    List<String> a = new ArrayList<>();
    run(new ForkScheduler(plan, settings(3, 3, null, Duration.ofHours(1)), ForkOrder.INTERLEAVED, 42, now::get, "h",
        Map.of(), true), 1, 1, a);
    List<String> b = new ArrayList<>();
    run(new ForkScheduler(plan, settings(3, 3, null, Duration.ofHours(1)), ForkOrder.INTERLEAVED, 42, now::get, "h",
        Map.of(), true), 1, 1, b);
    assertThat(a).hasSize(12).isEqualTo(b);
    for (int round = 0; round < 3; round++) {
      int r = round + 1;
      assertThat(a.subList(4 * round, 4 * round + 4)).allMatch(k -> k.endsWith("#" + r));
    }
    assertThat(a.subList(0, 4)).isNotEqualTo(a.subList(4, 8).stream().map(k -> k.replace("#2", "#1")).toList())
        .as("each round has its own order (with this seed)");
    List<String> seq = new ArrayList<>();
    run(new ForkScheduler(plan, settings(2, 2, null, Duration.ofHours(1)), ForkOrder.SEQUENTIAL, 42, now::get, "h",
        Map.of(), true), 1, 1, seq);
    assertThat(seq.subList(0, 4)).containsExactly("selftest/sum[size=1]@1#1", "selftest/sum[size=1]@1#2",
        "selftest/sum[size=2]@1#1", "selftest/sum[size=2]@1#2");
  }

  @Test
  void theBudgetCapsTheRunButEveryBenchmarkGetsOneFork() {
    List<PlanItem> plan = List.of(item("1"), item("2"), item("3"));
    // 35 s: three first forks (30 s), then no fork of 10 s fits.
    Map<String, BenchmarkResult> r = run(new ForkScheduler(plan, settings(2, 6, 0.01, Duration.ofSeconds(35)),
        ForkOrder.INTERLEAVED, 3, now::get, "h", Map.of(), true), 5, 5, new ArrayList<>());
    assertThat(r).hasSize(3);
    assertThat(r.values()).allSatisfy(x -> {
      assertThat(x.forks()).isEqualTo(1);
      assertThat(x.precision().stopReason()).isEqualTo(StopReason.BUDGET);
    });
    assertThat(now.get()).isEqualTo(30_000_000_000L);
  }

  @Test
  void aResumedBenchmarkGoesOnFromItsForksAndAFinishedOneIsKept() {
    PlanItem a = item("1");
    PlanItem b = item("2");
    BenchmarkResult inProgress = fork(a, List.of(100.0, 101.0, 99.0, 100.0, 100.0))
        .withPrecision(new dev.archbench.record.Precision(0.05, 0.2, null, List.of(0), List.of(List.of()), 5.0));
    BenchmarkResult done = fork(b, List.of(100.0, 101.0, 99.0, 100.0, 100.0))
        .withPrecision(new dev.archbench.record.Precision(0.05, 0.01, StopReason.TARGET_MET, null, null, 5.0));
    ForkScheduler s = new ForkScheduler(List.of(a, b), settings(2, 3, 0.05, Duration.ofHours(1)),
        ForkOrder.INTERLEAVED, 1, now::get, "h", Map.of(a.key(), inProgress, b.key(), done), true);
    assertThat(s.continues(a.key())).isTrue();
    assertThat(s.continues(b.key())).isFalse();
    ForkScheduler.Next n = s.next();
    assertThat(n.item()).isEqualTo(a);
    assertThat(n.fork()).isEqualTo(2);
  }

  @Test
  void aFailedForkFailsItsBenchmarkAndStopsIt() {
    PlanItem a = item("1");
    ForkScheduler s = new ForkScheduler(List.of(a), settings(2, 3, 0.05, Duration.ofHours(1)), ForkOrder.INTERLEAVED,
        1, now::get, "h", Map.of(), true);
    ForkScheduler.Next n = s.next();
    BenchmarkResult failed = Outcome.failed(a, "boom", "t0", "t1").result();
    assertThat(s.completed(n, failed, 1).status()).isEqualTo(Status.FAILED);
    assertThat(s.next()).isNull();
  }

  @Test
  void warmUpIsSetApartNotLost() {
    PlanItem a = item("1");
    List<Double> series = List.of(50.0, 51.0, 52.0, 80.0, 81.0, 80.5, 100.0, 101.0, 99.0, 100.0, 100.0, 101.0, 99.5,
        100.5);
    BenchmarkResult c = ForkMerge.classify(fork(a, series), 1);
    assertThat(c.forkRuns()).singleElement().satisfies(f -> {
      assertThat(f.steadiness()).isEqualTo(ForkRun.Steadiness.WARMUP);
      assertThat(f.warmupIterations()).isEqualTo(6);
      assertThat(f.iterations()).isEqualTo(series);
    });
    assertThat(c.rawData()).containsExactly(series.subList(6, series.size()));
    assertThat(c.score()).isEqualTo(100.125);
    assertThat(c.status()).isEqualTo(Status.OK);
  }

  @Test
  void aForkThatNeverBecameSteadyIsKeptButGivesNoScore() {
    PlanItem a = item("1");
    List<Double> rising = List.of(10.0, 12.0, 15.0, 19.0, 24.0, 30.0, 37.0, 45.0, 54.0, 64.0);
    BenchmarkResult c = ForkMerge.classify(fork(a, rising), 1);
    assertThat(c.status()).isEqualTo(Status.UNSTEADY);
    assertThat(c.score()).isNull();
    assertThat(c.rawData()).isEmpty();
    assertThat(c.forkRuns().get(0).steadiness()).isEqualTo(ForkRun.Steadiness.NO_STEADY_STATE);
    BenchmarkResult steady = ForkMerge.classify(fork(a, List.of(60.0, 61.0, 60.5, 60.0, 61.0, 60.5)), 1);
    BenchmarkResult both = ForkMerge.append(c, steady);
    assertThat(both.status()).as("one steady fork gives a score").isEqualTo(Status.OK);
    assertThat(both.forks()).isEqualTo(2);
    assertThat(both.steadySummary(false)).isEqualTo("1 of 2 forks steady");
    assertThat(both.score()).isEqualTo(60.5);
  }

  @Test
  void theSchedulerGrowsTheWarmUpUntilForksAreSteadyAndSaysWhenTheyNeverAre() {
    PlanItem a = item("1");
    ProfileSettings settings = new ProfileSettings(3, 3, 2, Duration.ofSeconds(8), 4, Duration.ofSeconds(1), null,
        Duration.ofHours(1));
    ForkScheduler s = new ForkScheduler(List.of(a), settings, ForkOrder.INTERLEAVED, 1, now::get, "h", Map.of(), true);
    List<Integer> planned = new ArrayList<>();
    ForkScheduler.Next n;
    BenchmarkResult last = null;
    while ((n = s.next()) != null) {
      planned.add(n.plan().warmupIterations());
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n.plan().warmupIterations() + n.plan().measurementIterations(); i++) {
        values.add(10.0 * (i + 1)); // never levels off
      }
      last = s.completed(n, fork(a, values), 1);
    }
    assertThat(planned).containsExactly(2, 4, 8);
    assertThat(last.status()).isEqualTo(Status.UNSTEADY);
    assertThat(last.reason()).isEqualTo("no steady state in 3 forks; the warm-up cap of 8 s was too short");
    assertThat(last.score()).isNull();
  }

  @Test
  void forksMergeIntoOneResultWithEveryForksData() {
    PlanItem a = item("1");
    BenchmarkResult one = fork(a, List.of(1.0, 2.0));
    BenchmarkResult two = scenarioFork(a, 4.0, new Knee(List.of(4.0), "req/s", Percentile.P99, 10,
        Knee.Found.LOWER_BOUND, 4.0)).attributes(Map.of("x", "y")).startedAt("t1").endedAt("t2").build();
    BenchmarkResult kneeA = scenarioFork(a, 3.0, new Knee(List.of(3.0), "req/s", Percentile.P99, 10,
        Knee.Found.BRACKETED, 5.0)).attributes(Map.of()).startedAt("t0").endedAt("t1").build();
    BenchmarkResult m = ForkMerge.append(kneeA, two);
    assertThat(m.forks()).isEqualTo(2);
    assertThat(m.rawData()).containsExactly(List.of(3.0), List.of(4.0));
    assertThat(m.score()).isEqualTo(3.5);
    assertThat(m.knee().rates()).containsExactly(3.0, 4.0);
    assertThat(m.knee().found()).as("the weaker claim when forks disagree").isEqualTo(Knee.Found.LOWER_BOUND);
    assertThat(m.knee().highestRateTried()).isEqualTo(5.0);
    assertThat(m.startedAt()).isEqualTo("t0");
    assertThat(m.endedAt()).isEqualTo("t2");
    assertThat(m.attributes()).containsEntry("x", "y");
    assertThat(ForkMerge.append(null, one)).isSameAs(one);
  }

  @Test
  void iterationsFollowKaliberaAndJonesOptimum() {
    // Iteration noise only: as many iterations per fork as allowed.
    IterationPlanner.Components noFork = IterationPlanner.components(List.of(
        List.of(99.0, 101.0, 99.0, 101.0), List.of(101.0, 99.0, 101.0, 99.0)));
    assertThat(noFork.forkVariance()).isZero();
    assertThat(IterationPlanner.optimalIterations(noFork, 5, 1, 5, 2, 15)).isEqualTo(15);
    // Fork means differ by far more than their iterations: few iterations, more forks.
    IterationPlanner.Components forky = IterationPlanner.components(List.of(
        List.of(90.0, 90.1, 89.9), List.of(110.0, 110.1, 109.9), List.of(100.0, 100.1, 99.9)));
    assertThat(forky.forkVariance()).isGreaterThan(99.0);
    assertThat(IterationPlanner.optimalIterations(forky, 5, 1, 5, 2, 15)).isEqualTo(2);
    // sqrt((cFork/cIter) * (s2iter/s2fork)) = sqrt(4 * 25) = 10
    assertThat(IterationPlanner.optimalIterations(new IterationPlanner.Components(25, 1, 5, 100), 4, 1, 5, 2, 15))
        .isEqualTo(10);
  }

  @Test
  void durationsAndOptionsAreParsedOrRefusedInOneLine() {
    assertThat(Durations.parse("--budget", "45m")).isEqualTo(Duration.ofMinutes(45));
    assertThat(Durations.parse("--budget", "1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("--budget", "90s")).isEqualTo(Duration.ofSeconds(90));
    assertThatThrownBy(() -> Durations.parse("--budget", "soon")).hasMessage(
        "--budget: 'soon' is not a duration such as 45m, 1h30m or 90s");
    assertThatThrownBy(() -> Durations.parse("--budget", "0m")).hasMessageContaining("longer than zero");
    assertThat(Grid.REPRESENTATIVE.paramsOf(Profile.STANDARD)).isEqualTo(ParamGrid.REPRESENTATIVE);
    assertThat(Grid.CORE.paramsOf(Profile.QUICK)).isEqualTo(ParamGrid.REPRESENTATIVE);
    assertThat(Grid.FULL.paramsOf(Profile.QUICK)).isEqualTo(ParamGrid.FULL);
    assertThat(Grid.FULL.paramsOf(Profile.SMOKE)).isEqualTo(ParamGrid.SMOKE);
  }

  @Test
  void measuredDefaultsFollowTheForkLengthAndAreNotExtrapolated() {
    PrecisionModel.Measured m = PrecisionModel.MEASURED.get("compression");
    ProfileSettings quick = ProfileSettings.of(Profile.QUICK);
    ProfileSettings standard = ProfileSettings.of(Profile.STANDARD);
    assertThat(m.at(quick).forkCv()).isCloseTo(m.shortForks().forkCv(), within(1e-12));
    assertThat(m.at(quick).iterationCv()).isCloseTo(m.shortForks().iterationCv(), within(1e-12));
    assertThat(m.at(standard).forkCv()).isCloseTo(m.longForks().forkCv(), within(1e-12));
    assertThat(m.at(standard).iterationCv()).isCloseTo(m.longForks().iterationCv(), within(1e-12));
    // full's 20 s forks were not measured: they keep standard's figures rather than a guess below them.
    assertThat(m.at(ProfileSettings.of(Profile.FULL)).forkCv()).isCloseTo(m.longForks().forkCv(), within(1e-12));
    // Halfway on the log scale of fork length, the geometric mean of the two measurements.
    assertThat(PrecisionModel.Measured.interpolate(0.1, 0.05, 2, 6, Math.sqrt(12)))
        .isCloseTo(Math.sqrt(0.1 * 0.05), within(1e-12));
    assertThat(PrecisionModel.Measured.interpolate(0.1, 0.05, 2, 6, 1)).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void aKneeSearchIsPlannedWithItsOwnForkToForkVariationNotItsWorkloads() {
    BenchmarkSpec knee = new BenchmarkSpec("knee.http", "s", "m", "req/s", true,
        dev.archbench.workload.ScenarioClass.kneeSearch("x.Knee"), Map.of(), false, List.of(), null);
    BenchmarkSpec closed = new BenchmarkSpec("closed.http", "s", "m", "req/s", true,
        new dev.archbench.workload.ScenarioClass("x.Closed"), Map.of(), false, List.of(), null);
    ProfileSettings quick = ProfileSettings.of(Profile.QUICK);
    PrecisionModel model = PrecisionModel.of(List.of());
    PrecisionModel.Variability k = model.variability(new PlanItem("web", knee, Map.of(), Map.of(), 2, "scenario", 10, null), quick);
    PrecisionModel.Variability c = model.variability(new PlanItem("web", closed, Map.of(), Map.of(), 2, "scenario", 10, null), quick);
    assertThat(k.source()).isEqualTo("knee-search default");
    assertThat(c.source()).isEqualTo("web default");
    assertThat(k.forkCv()).isGreaterThan(3 * c.forkCv());
    // One value per fork: at quick's cap of 8 forks the forecast is far from ±5%, and says so.
    List<PrecisionModel.Prediction> p = model.predict(
        List.of(new PlanItem("web", knee, Map.of(), Map.of(), 2, "scenario", 10, null)), quick);
    assertThat(p.get(0).forks()).isEqualTo(quick.maxForks());
    assertThat(p.get(0).halfWidth()).isBetween(0.05, 0.5); // a number, not NaN (which compares above all)
  }

  @Test
  void thePlanPredictsMoreForksForMoreVariableBenchmarksAndStopsAtTheBudget() {
    ProfileSettings s = settings(2, 10, 0.02, Duration.ofMinutes(10));
    PrecisionModel.Variability calm = new PrecisionModel.Variability(0.01, 0.005, 5, "t");
    PrecisionModel.Variability rough = new PrecisionModel.Variability(0.05, 0.03, 5, "t");
    assertThat(PrecisionModel.halfWidth(rough, 10, 5)).isGreaterThan(PrecisionModel.halfWidth(calm, 10, 5));
    assertThat(PrecisionModel.halfWidth(calm, 3, 5)).isGreaterThan(PrecisionModel.halfWidth(calm, 10, 5));
    // 200 selftest-like benchmarks at 6.5 s per fork cannot all get two forks in 10 minutes.
    List<PlanItem> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(item(Integer.toString(i)));
    }
    List<PrecisionModel.Prediction> p = PrecisionModel.of(List.of()).predict(many, s);
    assertThat(p).hasSize(200);
    assertThat(p.stream().mapToDouble(PrecisionModel.Prediction::seconds).sum()).isLessThanOrEqualTo(600 + 6.5 * 200);
    assertThat(p).anyMatch(x -> x.stopReason().equals("budget"));
  }
}
