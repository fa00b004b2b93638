package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.DuetCpus;
import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.VariantOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Runs of variants: the parser of {@code --variant}, the rounds the scheduler makes (one fork of
 * every variant, back to back, in a seeded order), its stopping on the paired ratios, resuming, and
 * the CPU split of {@code --duet}.
 */
class VariantSchedulingTest {
  private static final BenchmarkSpec SPEC = new BenchmarkSpec("sum", "s", "m", "ops/s", true,
      new JmhMethod("x.Y.z"), Map.of(), false, List.of(), null);
  private final AtomicLong now = new AtomicLong();

  private static PlanItem item(String size) {
    return new PlanItem("selftest", SPEC, Map.of("size", size), Map.of(), 1, "thrpt", 10, null);
  }

  private static ProfileSettings settings(int min, int max, Duration budget) {
    return new ProfileSettings(min, max, 1, Duration.ofSeconds(1), 5, Duration.ofSeconds(1), 0.05, budget);
  }

  private static BenchmarkResult fork(PlanItem item, List<Double> values) {
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name()).params(item.params())
        .mode("thrpt").threads(1).forks(1).unit("ops/s").higherIsBetter(true)
        .score(BenchmarkResult.meanOfForkMeans(List.of(values))).rawData(List.of(values))
        .startedAt("2026-12-06T10:00:00Z").endedAt("2026-12-06T10:00:05Z").status(Status.OK).build();
  }

  /**
   * Runs {@code s} to the end. Each round the machine's speed drifts (shared by both forks of a round);
   * variant {@code b} does {@code ratio} of {@code a}'s work. Returns the forks in the order they ran.
   */
  private List<String> run(ForkScheduler s, double drift, double noise, double ratio, Map<String, BenchmarkResult> last) {
    Random r = new Random(11);
    List<String> order = new ArrayList<>();
    Map<String, Double> machine = new HashMap<>();
    ForkScheduler.Next n;
    while ((n = s.next()) != null) {
      order.add(n.item().params().get("size") + n.variant() + n.fork());
      // A new round of this benchmark starts with its first variant's fork: the machine has moved.
      String roundKey = n.item().key() + "#" + n.fork();
      double speed = machine.computeIfAbsent(roundKey, k -> 1 + drift * r.nextGaussian());
      double mean = 100 * speed * (n.variant().equals("b") ? ratio : 1);
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < n.plan().measurementIterations(); i++) {
        values.add(mean * (1 + noise * r.nextGaussian()));
      }
      now.addAndGet(10_000_000_000L);
      BenchmarkResult sofar = s.completed(n, fork(n.item(), values), 10);
      last.put(sofar.key(), sofar);
    }
    s.results().forEach(x -> last.put(x.key(), x));
    return order;
  }

  private ForkScheduler scheduler(List<PlanItem> plan, ProfileSettings settings, long seed, VariantRun kept,
      Map<String, BenchmarkResult> resumed) {
    return new ForkScheduler(plan, settings, ForkOrder.INTERLEAVED, seed, now::get, "h", resumed, false,
        new ForkScheduler.Variants(List.of("a", "b"), 0.05, kept));
  }

  @Test
  void everyRoundRunsOneForkOfEveryVariantBackToBackInASeededOrder() {
    List<PlanItem> plan = List.of(item("1"), item("2"), item("3"));
    Map<String, BenchmarkResult> r1 = new LinkedHashMap<>();
    ForkScheduler s = scheduler(plan, settings(4, 4, Duration.ofHours(1)), 5, null, Map.of());
    List<String> order = run(s, 0, 0.3, 1.0, r1);
    List<String> again = run(scheduler(plan, settings(4, 4, Duration.ofHours(1)), 5, null, Map.of()), 0, 0.3, 1.0,
        new LinkedHashMap<>());
    assertThat(order).hasSize(3 * 4 * 2).isEqualTo(again);
    for (int i = 0; i < order.size(); i += 2) {
      String x = order.get(i);
      String y = order.get(i + 1);
      assertThat(x.charAt(0)).as("the two forks of a round follow each other").isEqualTo(y.charAt(0));
      assertThat(x.substring(2)).isEqualTo(y.substring(2));
      assertThat(x.charAt(1)).isNotEqualTo(y.charAt(1));
    }
    assertThat(order.stream().filter(o -> o.startsWith("1a")).count()).isEqualTo(4);
    assertThat(order.subList(0, 24).stream().map(o -> o.charAt(1)).distinct()).containsExactlyInAnyOrder('a', 'b');
    // Both orders occur: the first fork of a round is not always the baseline's.
    List<Character> firsts = new ArrayList<>();
    for (int i = 0; i < order.size(); i += 2) {
      firsts.add(order.get(i).charAt(1));
    }
    assertThat(firsts).contains('a', 'b');
    List<VariantRun.Round> rounds = s.roundsOf(plan.get(0).key());
    assertThat(rounds).hasSize(4).allSatisfy(round -> assertThat(round.forks()).extracting(VariantRun.RoundFork::variant)
        .containsExactlyInAnyOrder("a", "b"));
    assertThat(rounds.get(3).forkOf("a")).isEqualTo(3);
    assertThat(r1).containsKeys(VariantRun.resultKey(plan.get(0).key(), "a"), VariantRun.resultKey(plan.get(0).key(), "b"));
    assertThat(r1.values()).allSatisfy(x -> {
      assertThat(x.forks()).isEqualTo(4);
      assertThat(x.precision().target()).as("variants stop on the ratio, not a target of their own").isNull();
    });
  }

  @Test
  void aBenchmarkStopsOnceItsPairedRatioIsDecidedElseAtTheCap() {
    // The machine drifts by 20% between rounds; the pairs still decide quickly.
    Map<String, BenchmarkResult> same = new LinkedHashMap<>();
    run(scheduler(List.of(item("1")), settings(3, 12, Duration.ofHours(1)), 1, null, Map.of()), 0.2, 0.002, 1.0, same);
    assertThat(same.values()).allSatisfy(x -> {
      assertThat(x.precision().stopReason()).isEqualTo(StopReason.DECIDED);
      assertThat(x.forks()).isLessThan(12);
    });
    Map<String, BenchmarkResult> slower = new LinkedHashMap<>();
    run(scheduler(List.of(item("1")), settings(3, 12, Duration.ofHours(1)), 1, null, Map.of()), 0.2, 0.002, 0.8,
        slower);
    assertThat(slower.values()).allSatisfy(x -> assertThat(x.precision().stopReason()).isEqualTo(StopReason.DECIDED));
    // Noise as large as the threshold: never decided, so the cap stops it.
    Map<String, BenchmarkResult> noisy = new LinkedHashMap<>();
    run(scheduler(List.of(item("1")), settings(3, 4, Duration.ofHours(1)), 1, null, Map.of()), 0.2, 0.3, 1.0, noisy);
    assertThat(noisy.values()).allSatisfy(x -> {
      assertThat(x.precision().stopReason()).isEqualTo(StopReason.BENCHMARK_CAP);
      assertThat(x.forks()).isEqualTo(4);
    });
  }

  @Test
  void theBudgetStopsWholeRoundsNeverHalfOne() {
    // 50 s: two rounds of 2 x 10 s, then no round of 20 s fits.
    Map<String, BenchmarkResult> r = new LinkedHashMap<>();
    run(scheduler(List.of(item("1")), settings(3, 8, Duration.ofSeconds(50)), 1, null, Map.of()), 0, 0.3, 1.0, r);
    assertThat(r.values()).allSatisfy(x -> {
      assertThat(x.forks()).isEqualTo(2);
      assertThat(x.precision().stopReason()).isEqualTo(StopReason.BUDGET);
    });
  }

  @Test
  void aResumedBenchmarkGoesOnFromItsRoundsAndLeavesAnUnfinishedRoundUnpaired() {
    PlanItem a = item("1");
    ForkScheduler first = scheduler(List.of(a), settings(3, 3, Duration.ofHours(1)), 1, null, Map.of());
    Map<String, BenchmarkResult> done = new LinkedHashMap<>();
    run(first, 0, 0.3, 1.0, done);
    // As if interrupted after three rounds of which only two were recorded (the third round's forks ran,
    // but not every variant's): the results go on, the rounds too.
    Map<String, BenchmarkResult> resumed = new HashMap<>();
    done.forEach((k, v) -> resumed.put(k, v.withPrecision(new Precision(null, null, null, null, null, 30.0))));
    VariantRun kept = new VariantRun(1, 0.05, null, List.of(new VariantRun.Variant("a", "", null, null, null, null),
        new VariantRun.Variant("b", "", null, null, null, null)), List.of())
        .withRounds(a.key(), first.roundsOf(a.key()).subList(0, 2));
    ForkScheduler s = scheduler(List.of(a), settings(3, 3, Duration.ofHours(1)), 1, kept, resumed);
    assertThat(s.continues(VariantRun.resultKey(a.key(), "a"))).isTrue();
    Map<String, BenchmarkResult> after = new LinkedHashMap<>();
    List<String> order = run(s, 0, 0.3, 1.0, after);
    assertThat(order).hasSize(2).allMatch(o -> o.endsWith("4"));
    List<VariantRun.Round> rounds = s.roundsOf(a.key());
    assertThat(rounds).hasSize(3);
    assertThat(rounds.get(2).forkOf("a")).as("the fourth fork: the third is left unpaired").isEqualTo(3);
    assertThat(after.values()).allSatisfy(x -> assertThat(x.forks()).isEqualTo(4));
  }

  @Test
  void aFailedVariantStopsItsBenchmarkForEveryVariant() {
    PlanItem a = item("1");
    ForkScheduler s = scheduler(List.of(a, item("2")), settings(3, 3, Duration.ofHours(1)), 1, null, Map.of());
    ForkScheduler.Next n = s.next();
    BenchmarkResult failed = Outcome.failed(n.item(), "boom", "t0", "t1").result();
    assertThat(s.completed(n, failed, 1).status()).isEqualTo(Status.FAILED);
    ForkScheduler.Next m;
    while ((m = s.next()) != null) {
      assertThat(m.item().key()).isNotEqualTo(n.item().key());
      s.completed(m, fork(m.item(), List.of(1.0, 1.0, 1.0, 1.0, 1.0)), 1);
    }
    assertThat(s.continues(VariantRun.resultKey(n.item().key(), "a"))).isFalse();
    assertThat(s.continues(VariantRun.resultKey(n.item().key(), "b"))).isFalse();
  }

  @Test
  void variantOptionsParseOnceIntoTypedVariants() {
    VariantRun.Variant v = VariantOptions.parse("g1=--jvm-args '-XX:-TieredCompilation -Xmx1g' --jvm=/opt/j/bin/java");
    assertThat(v.name()).isEqualTo("g1");
    assertThat(v.jvmArgs()).isEqualTo("-XX:-TieredCompilation -Xmx1g");
    assertThat(v.jvm()).isEqualTo("/opt/j/bin/java");
    assertThat(v.jmhJar()).isNull();
    VariantRun.Variant base = VariantOptions.parse("base=");
    assertThat(base.options()).isEmpty();
    VariantRun.Variant jar = VariantOptions.parse("head=--jmh-jar head/b.jar --jmh-classpath a.jar:b.jar");
    assertThat(jar.jmhJar()).endsWith("/head/b.jar").startsWith("/");
    assertThat(jar.jmhClasspath()).isEqualTo("a.jar:b.jar");
    // Shared options fill what a variant leaves out; a variant's own jar brings its own class path.
    VariantRun.Variant r = VariantOptions.resolved(base, "/x/base.jar", "/x/dep.jar", null, "-Xmx2g");
    assertThat(r.jmhJar()).isEqualTo("/x/base.jar");
    assertThat(r.jmhClasspath()).isEqualTo("/x/dep.jar");
    assertThat(r.jvmArgs()).isEqualTo("-Xmx2g");
    VariantRun.Variant h = VariantOptions.resolved(VariantOptions.parse("h=--jmh-jar /y/h.jar"), "/x/base.jar",
        "/x/dep.jar", null, null);
    assertThat(h.jmhClasspath()).isNull();
  }

  @Test
  void badVariantsAreOneLineErrors() {
    assertThatThrownBy(() -> VariantOptions.parseAll(List.of("a=")))
        .hasMessageStartingWith("--variant: give at least two");
    assertThatThrownBy(() -> VariantOptions.parseAll(List.of("a=", "a=--jvm-args -Xint")))
        .hasMessage("--variant a: the name is given twice");
    assertThatThrownBy(() -> VariantOptions.parse("a=--profile full"))
        .hasMessage("--variant a: '--profile' is not one of --jmh-jar, --jmh-classpath, --jvm, --jvm-args (the other"
            + " options are shared by all variants)");
    assertThatThrownBy(() -> VariantOptions.parse("a b=")).hasMessageContaining("expected NAME='OPTIONS'");
    assertThatThrownBy(() -> VariantOptions.parse("--jvm-args -Xint")).hasMessageContaining("expected NAME='OPTIONS'");
    assertThatThrownBy(() -> VariantOptions.parse("a=--jvm")).hasMessage("--variant a: --jvm needs a value");
    assertThatThrownBy(() -> VariantOptions.parse("a=--jvm x --jvm y")).hasMessage("--variant a: --jvm is given twice");
    assertThatThrownBy(() -> VariantOptions.checkSameKind(List.of(VariantOptions.parse("a=--jmh-jar x.jar"),
        VariantOptions.parse("b=")))).hasMessageContaining("--variant b: runs no --jmh-jar, but the baseline a does");
    assertThatThrownBy(() -> VariantOptions.resolved(VariantOptions.parse("a=--jmh-classpath x.jar"), null, null, null,
        null)).hasMessage("--variant a: --jmh-classpath needs --jmh-jar");
  }

  @Test
  void duetSplitsTheAllowedCpusIntoEqualDisjointSets() {
    assertThat(DuetCpus.split(List.of(0, 1), 2)).containsExactly("0", "1");
    assertThat(DuetCpus.split(DuetCpus.parse("0-7"), 2)).containsExactly("0-3", "4-7");
    assertThat(DuetCpus.split(DuetCpus.parse("0-6"), 3)).containsExactly("0-1", "2-3", "4-5");
    assertThat(DuetCpus.split(List.of(3), 2)).isEmpty();
    assertThat(DuetCpus.parse("0,2-3,8")).containsExactly(0, 2, 3, 8);
    assertThat(DuetCpus.format(List.of(0, 2, 3, 8, 9, 10))).isEqualTo("0,2-3,8-10");
    // /proc/self/status of a process in a two-CPU container (Linux 6.1).
    String status = "Name:\tjava\nUmask:\t0022\nState:\tR (running)\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n"
        + "Mems_allowed_list:\t0\n";
    assertThat(DuetCpus.allowedIn(status)).containsExactly(0, 1);
    assertThat(DuetCpus.allowedIn("Name:\tjava\n")).isEmpty();
    assertThatThrownBy(() -> DuetCpus.parse("0-x")).hasMessage("not a CPU list: 0-x");
  }
}
