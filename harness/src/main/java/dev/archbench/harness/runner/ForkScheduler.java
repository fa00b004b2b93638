package dev.archbench.harness.runner;

import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Precision;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.stats.ScoreInterval;
import dev.archbench.stats.StoppingRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Decides which fork runs next and when a benchmark has measured enough. Every benchmark first runs
 * its minimum forks (rounds, so every benchmark has its first fork before any has its second); then, round after round, each benchmark still short of its precision target
 * gets one more fork, until the target is met, the benchmark's fork cap is reached, or the run's
 * budget leaves no time for another of its forks. With {@link ForkOrder#INTERLEAVED} each round visits
 * the benchmarks in a seeded random order, so a slow drift of a noisy machine spreads over all
 * benchmarks as fork-to-fork variation (which the interval includes) instead of biasing the ones
 * that happened to run during it. The precision is the interval archbench shows everywhere
 * ({@link ScoreInterval}), recomputed after each fork; when to stop is the {@link StoppingRule}
 * that the dry run's forecast ({@link PrecisionModel}) simulates too.
 */
final class ForkScheduler {
  /** A fork to run: the plan index (1-based) of its benchmark, its number (1-based) and plan. */
  record Next(int index, PlanItem item, int fork, ForkPlan plan) {}

  private final class State {
    final int index;
    final PlanItem item;
    BenchmarkResult result;
    ForkPlan plan;
    int forks;
    double secondsSpent;
    /** The relative half-width of {@code result}'s interval, computed once per fork. */
    double halfWidth = Double.NaN;
    StopReason stop;
    boolean failed;

    State(int index, PlanItem item, ForkPlan plan) {
      this.index = index;
      this.item = item;
      this.plan = plan;
    }

    boolean active() {
      return stop == null && !failed;
    }

    double expectedForkSeconds() {
      return forks > 0 ? secondsSpent / forks : item.estimatedSeconds() / Math.max(1, settings.minForks());
    }
  }

  private final ProfileSettings settings;
  private final StoppingRule rule;
  private final ForkOrder order;
  private final Random random;
  private final LongSupplier nanoTime;
  private final long start;
  private final long deadline;
  private final String hostKey;
  private final boolean adaptIterations;
  private final Map<String, State> states = new LinkedHashMap<>();
  private final Deque<State> round = new ArrayDeque<>();

  /**
   * @param resumed results kept from an interrupted run; those still in progress (no stop reason)
   *     go on from the forks they have
   * @param adaptIterations whether iterations per fork may change (not when the user fixed them)
   */
  ForkScheduler(List<PlanItem> plan, ProfileSettings settings, ForkOrder order, long seed, LongSupplier nanoTime,
      String hostKey, Map<String, BenchmarkResult> resumed, boolean adaptIterations) {
    this.settings = settings;
    this.rule = settings.stoppingRule();
    this.order = order;
    this.random = new Random(SplitMix64.mix(seed));
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.deadline = start + settings.budget().toNanos();
    this.hostKey = hostKey;
    this.adaptIterations = adaptIterations;
    for (int i = 0; i < plan.size(); i++) {
      PlanItem item = plan.get(i);
      if (item.isSkipped()) {
        continue;
      }
      State s = new State(i + 1, item, new ForkPlan(settings.warmupIterations(), settings.measurementIterations()));
      BenchmarkResult kept = resumed.get(item.key());
      if (kept != null) {
        s.result = kept;
        s.forks = kept.forks();
        s.secondsSpent = kept.precision() != null && kept.precision().seconds() != null ? kept.precision().seconds() : 0;
        s.failed = !kept.isOk();
        s.halfWidth = kept.precision() != null && kept.precision().halfWidth() != null
            ? kept.precision().halfWidth() : Double.NaN;
        s.stop = kept.precision() != null ? kept.precision().stopReason() : kept.isOk() ? StopReason.BENCHMARK_CAP : null;
      }
      states.put(item.key(), s);
    }
  }

  /** Whether {@code key} will get (more) forks: planned, not skipped, not stopped, not failed. */
  boolean continues(String key) {
    State s = states.get(key);
    return s != null && s.active();
  }

  /** The next fork to run, or null when every benchmark has stopped. */
  Next next() {
    while (true) {
      if (round.isEmpty() && !newRound()) {
        return null;
      }
      State s = round.pollFirst();
      if (!s.active()) {
        continue;
      }
      // The budget is a cap: past the first fork (every benchmark gets a result), no fork starts that
      // would end after it, not even one the minimum asks for (the result then says it stopped early).
      // Nanoseconds since the start: exact as doubles for any budget below a hundred days.
      long endsAt = nanoTime.getAsLong() - start + (long) (s.expectedForkSeconds() * 1e9);
      StopReason budget = rule.beforeFork(s.forks, endsAt, deadline - start);
      if (budget != null) {
        s.stop = budget;
        s.result = withPrecision(s, s.result);
        continue;
      }
      if (order == ForkOrder.SEQUENTIAL) {
        round.addFirst(s); // the same benchmark again until it stops
      }
      return new Next(s.index, s.item, s.forks + 1, s.plan);
    }
  }

  private boolean newRound() {
    List<State> active = new ArrayList<>();
    for (State s : states.values()) {
      if (s.active()) {
        active.add(s);
      }
    }
    if (active.isEmpty()) {
      return false;
    }
    if (order == ForkOrder.INTERLEAVED) {
      Collections.shuffle(active, random);
    }
    round.addAll(order == ForkOrder.SEQUENTIAL ? active.subList(0, 1) : active);
    return true;
  }

  /**
   * Adds a finished fork ({@code forkResult}, from the executor, which took {@code seconds}) and
   * returns the benchmark's result so far, with its precision and, when it stopped, why.
   */
  BenchmarkResult completed(Next n, BenchmarkResult forkResult, double seconds) {
    State s = states.get(n.item().key());
    s.forks++;
    s.secondsSpent += seconds;
    s.result = ForkMerge.append(s.result, ForkMerge.classify(forkResult, ProfileSettings.seconds(settings.measurementTime())));
    if (Status.FAILED.equals(s.result.status())) {
      s.failed = true;
      round.remove(s);
      return s.result;
    }
    boolean steady = s.result.isOk();
    s.halfWidth = steady ? ScoreInterval.of(s.result, hostKey).relativeHalfWidth() : Double.NaN;
    s.stop = rule.afterFork(s.forks, s.halfWidth);
    if (s.stop == null && adaptIterations) {
      s.plan = replan(s);
    }
    if (s.stop != null) {
      round.remove(s);
    }
    s.result = withPrecision(s, s.result);
    return s.result;
  }

  /**
   * The next fork's plan. Warm-up: what the steady forks so far needed, with a margin ({@link
   * WarmupPlan}); measured iterations, once the minimum forks ran, follow Kalibera and Jones's optimum
   * for the variances seen.
   */
  private ForkPlan replan(State s) {
    int warmup = WarmupPlan.next(s.result.forkRuns(), s.plan.warmupIterations(), settings.maxWarmupIterations());
    if (s.forks < settings.minForks() || !s.result.isOk()) {
      return new ForkPlan(warmup, s.plan.measurementIterations());
    }
    double iterSeconds = ProfileSettings.seconds(settings.measurementTime());
    double overhead = Math.max(0.1, s.expectedForkSeconds()
        - (s.plan.warmupIterations() + s.plan.measurementIterations()) * iterSeconds) + warmup * iterSeconds;
    int base = settings.measurementIterations();
    int iterations = IterationPlanner.optimalIterations(IterationPlanner.components(s.result.rawData()),
        overhead, iterSeconds, s.plan.measurementIterations(), Math.max(2, Math.min(base, SteadyState.MIN_ITERATIONS)),
        base * 3);
    return new ForkPlan(warmup, iterations);
  }

  private BenchmarkResult withPrecision(State s, BenchmarkResult r) {
    if (r == null || Status.FAILED.equals(r.status())) {
      return r;
    }
    if (!r.isOk()) {
      r = unsteady(s, r);
    }
    double hw = s.halfWidth;
    Precision p = r.precision();
    return r.withPrecision(new Precision(settings.precision(), Double.isNaN(hw) ? null : hw, s.stop,
        p == null ? null : p.warmup(), p == null ? null : p.warmupData(), Math.round(s.secondsSpent * 10) / 10.0));
  }

  /** A result with no steady fork yet, with the reason in words instead of a score. */
  private BenchmarkResult unsteady(State s, BenchmarkResult r) {
    List<ForkRun> runs = r.forkRuns() == null ? List.of() : r.forkRuns();
    int longest = runs.stream().mapToInt(f -> f.iterations().size()).max().orElse(0);
    String why = "no steady state in " + runs.size() + (runs.size() == 1 ? " fork" : " forks")
        + (s.stop == null ? " so far" : "");
    if (longest >= settings.maxWarmupIterations() + settings.measurementIterations()) {
      why += "; the warm-up cap of " + ProfileSettings.human(settings.maxWarmup()) + " was too short";
    }
    return r.unsteady(why);
  }

  /** Seconds until the run is expected to end: the budget left, or the forks left if fewer. */
  double remainingSeconds() {
    double left = 0;
    for (State s : states.values()) {
      if (s.active()) {
        int more = Math.max(settings.minForks() - s.forks, s.forks < settings.minForks() ? 0 : 1);
        left += more * s.expectedForkSeconds();
      }
    }
    return Math.max(0, Math.min(left, (deadline - nanoTime.getAsLong()) / 1e9));
  }

  /** Every benchmark's result as it stands (with its stop reason once it stopped), in plan order. */
  List<BenchmarkResult> results() {
    List<BenchmarkResult> out = new ArrayList<>();
    for (State s : states.values()) {
      if (s.result != null) {
        out.add(s.result);
      }
    }
    return out;
  }
}
