package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.PrecisionModel;
import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;
import dev.archbench.stats.PairedRatio;
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
 *
 * <p>In a run of variants ({@code --variant}) a benchmark's unit of measurement is a round: one fork
 * of every variant, back to back, in an order drawn from the same seeded stream and recorded
 * ({@link VariantRun.Round}), so that a drift of the machine falls on both sides of each pair. Each
 * variant's forks make their own result (steady-state classification per fork as always); the
 * benchmark stops as a whole, on the paired ratios ({@link PairedRatio#decided}), the fork cap (in
 * rounds) or the budget (checked before each round, never inside one).
 */
public final class ForkScheduler {
  /**
   * A fork to run: the plan index (1-based) of its benchmark, its number (1-based) and plan, and in a
   * run of variants the variant it belongs to ({@code null} otherwise).
   */
  public record Next(int index, PlanItem item, int fork, ForkPlan plan, String variant) {
    Next(int index, PlanItem item, int fork, ForkPlan plan) {
      this(index, item, fork, plan, null);
    }

    /** The key of the result this fork adds to. */
    String resultKey() {
      return variant == null ? item.key() : VariantRun.resultKey(item.key(), variant);
    }
  }

  /**
   * The variants of a run ({@code --variant}): each benchmark's forks run in rounds of one fork per
   * variant, back to back in a seeded random order, and it stops on the paired ratios.
   *
   * @param names the variants, baseline first
   * @param threshold the change that matters (fraction), for the stopping rule's "within threshold"
   * @param kept the pairing recorded by an interrupted run that is resumed, or {@code null}
   */
  public record Variants(List<String> names, double threshold, VariantRun kept) {
    public Variants {
      names = List.copyOf(names);
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
  private final Map<String, ForkState> states = new LinkedHashMap<>();
  private final Map<String, VariantGroup> groups = new LinkedHashMap<>();
  private final Variants variants;
  private final Deque<ForkState> round = new ArrayDeque<>();

  /**
   * @param resumed results kept from an interrupted run; those still in progress (no stop reason)
   *     go on from the forks they have
   * @param adaptIterations whether iterations per fork may change (not when the user fixed them)
   */
  public ForkScheduler(List<PlanItem> plan, ProfileSettings settings, ForkOrder order, long seed, LongSupplier nanoTime,
      String hostKey, Map<String, BenchmarkResult> resumed, boolean adaptIterations) {
    this(plan, settings, order, seed, nanoTime, hostKey, resumed, adaptIterations, null);
  }

  /**
   * @param resumed results kept from an interrupted run, by result key
   * @param variants the variants of a run of variants, or {@code null}
   */
  public ForkScheduler(List<PlanItem> plan, ProfileSettings settings, ForkOrder order, long seed, LongSupplier nanoTime,
      String hostKey, Map<String, BenchmarkResult> resumed, boolean adaptIterations, Variants variants) {
    this.variants = variants;
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
      if (variants == null) {
        ForkState s = new ForkState(i + 1, item, new ForkPlan(settings.warmupIterations(), settings.measurementIterations()),
            null, null, settings.minForks());
        s.restore(resumed.get(item.key()));
        states.put(item.key(), s);
        continue;
      }
      VariantGroup g = new VariantGroup(item.key());
      for (String name : variants.names()) {
        ForkState s = new ForkState(i + 1, item, new ForkPlan(settings.warmupIterations(), settings.measurementIterations()),
            name, g, settings.minForks());
        s.restore(resumed.get(s.key()));
        g.failed |= s.failed;
        g.stop = g.stop != null ? g.stop : s.stop;
        g.sides.add(s);
        states.put(s.key(), s);
      }
      if (variants.kept() != null) {
        g.rounds.addAll(variants.kept().roundsOf(item.key()));
      }
      groups.put(item.key(), g);
    }
  }

  /** Whether {@code key} will get (more) forks: planned, not skipped, not stopped, not failed. */
  public boolean continues(String key) {
    ForkState s = states.get(key);
    return s != null && s.active();
  }

  /** The next fork to run, or null when every benchmark has stopped. */
  public Next next() {
    while (true) {
      if (round.isEmpty() && !newRound()) {
        return null;
      }
      ForkState s = round.pollFirst();
      if (!s.active()) {
        continue;
      }
      if (s.group != null) {
        Next n = nextOfGroup(s);
        if (n != null) {
          return n;
        }
        continue;
      }
      // The budget is a cap: past the first fork (every benchmark gets a result), no fork starts that
      // would end after it, not even one the minimum asks for (the result then says it stopped early).
      // Nanoseconds since the start: exact as doubles for any budget below a hundred days.
      long endsAt = nanoTime.getAsLong() - start + (long) (s.expectedForkSeconds() * 1e9);
      StopReason budget = rule.beforeFork(s.forks, endsAt, deadline - start);
      if (budget != null) {
        s.stop = budget;
        s.result = ResultPrecision.of(settings, s, s.result);
        continue;
      }
      if (order == ForkOrder.SEQUENTIAL) {
        round.addFirst(s); // the same benchmark again until it stops
      }
      return new Next(s.index, s.item, s.forks + 1, s.plan);
    }
  }

  /**
   * The fork of {@code s}, a variant's side, or null when its benchmark stopped. Before a round's
   * first fork the budget must have room for the whole round (its forks are one measurement); once
   * a round started, its other forks follow.
   */
  private Next nextOfGroup(ForkState s) {
    VariantGroup g = s.group;
    if (g.handed == 0) {
      long endsAt = nanoTime.getAsLong() - start + (long) (g.expectedRoundSeconds() * 1e9);
      int done = g.sides.stream().mapToInt(x -> x.forks).min().orElse(0);
      StopReason budget = rule.beforeFork(done, endsAt, deadline - start);
      if (budget != null) {
        stopGroup(g, budget);
        return null;
      }
    }
    g.handed++;
    return new Next(s.index, s.item, s.forks + 1, s.plan, s.variant);
  }

  /**
   * The forks of {@code first}'s round not handed out yet (for {@code --duet}, which starts them
   * together): they follow it in the queue, since a round's forks are queued back to back.
   */
  public List<Next> restOfRound(Next first) {
    List<Next> out = new ArrayList<>();
    ForkState f = states.get(first.resultKey());
    if (f == null || f.group == null) {
      return out;
    }
    while (!round.isEmpty() && round.peekFirst().group == f.group && f.group.active()) {
      ForkState s = round.pollFirst();
      f.group.handed++;
      out.add(new Next(s.index, s.item, s.forks + 1, s.plan, s.variant));
    }
    return out;
  }

  private void stopGroup(VariantGroup g, StopReason why) {
    g.stop = why;
    for (ForkState x : g.sides) {
      x.stop = why;
      x.result = ResultPrecision.of(settings, x, x.result);
    }
    round.removeIf(x -> x.group == g);
  }

  private boolean newRound() {
    if (variants != null) {
      return newRoundOfGroups();
    }
    List<ForkState> active = new ArrayList<>();
    for (ForkState s : states.values()) {
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
   * A round of every benchmark of a run of variants: the benchmarks in a seeded random order (as
   * forks are without variants), and within each benchmark one fork of every variant, back to back,
   * in an order drawn from the same seeded stream and recorded with the round.
   */
  private boolean newRoundOfGroups() {
    List<VariantGroup> active = new ArrayList<>();
    for (VariantGroup g : groups.values()) {
      if (g.active()) {
        active.add(g);
      }
    }
    if (active.isEmpty()) {
      return false;
    }
    if (order == ForkOrder.INTERLEAVED) {
      Collections.shuffle(active, random);
    }
    for (VariantGroup g : order == ForkOrder.SEQUENTIAL ? active.subList(0, 1) : active) {
      List<ForkState> sides = new ArrayList<>(g.sides);
      Collections.shuffle(sides, random);
      g.handed = 0;
      g.current = new ArrayList<>();
      round.addAll(sides);
    }
    return true;
  }

  /**
   * Adds a finished fork ({@code forkResult}, from the executor, which took {@code seconds}) and
   * returns the benchmark's result so far, with its precision and, when it stopped, why.
   */
  public BenchmarkResult completed(Next n, BenchmarkResult forkResult, double seconds) {
    ForkState s = states.get(n.resultKey());
    if (s.group != null) {
      forkResult = forkResult.withKey(s.key());
    }
    s.forks++;
    s.secondsSpent += seconds;
    s.result = ForkMerge.append(s.result, ForkMerge.classify(forkResult, ProfileSettings.seconds(settings.measurementTime())));
    if (Status.FAILED.equals(s.result.status())) {
      s.failed = true;
      round.remove(s);
      if (s.group != null) {
        // No more pairs can be made: the benchmark stops for every variant.
        s.group.failed = true;
        round.removeIf(x -> x.group == s.group);
      }
      return s.result;
    }
    if (s.group != null) {
      return completedSide(s);
    }
    boolean steady = s.result.isOk();
    s.halfWidth = steady ? ScoreInterval.of(s.result, hostKey).relativeHalfWidth() : Double.NaN;
    s.stop = rule.afterFork(s.forks, s.halfWidth);
    if (s.stop == null && adaptIterations) {
      s.plan = ForkReplan.next(settings, s);
    }
    if (s.stop != null) {
      round.remove(s);
    }
    s.result = ResultPrecision.of(settings, s, s.result);
    return s.result;
  }

  /**
   * A variant's fork ended: it joins its round, and when the round is whole the benchmark's paired
   * ratios decide whether it goes on.
   */
  private BenchmarkResult completedSide(ForkState s) {
    VariantGroup g = s.group;
    s.halfWidth = s.result.isOk() ? ScoreInterval.of(s.result, hostKey).relativeHalfWidth() : Double.NaN;
    if (adaptIterations) {
      s.plan = ForkReplan.next(settings, s);
    }
    int fork = s.result.forkRuns() == null ? s.forks - 1 : s.result.forkRuns().size() - 1;
    g.current.add(new VariantRun.RoundFork(s.variant, fork));
    if (g.current.size() == g.sides.size()) {
      g.rounds.add(new VariantRun.Round(g.current));
      g.current = new ArrayList<>();
      g.handed = 0;
      StopReason why = g.afterRound(settings.minForks(), settings.maxForks(), variants.threshold(), hostKey);
      if (why != null) {
        stopGroup(g, why);
      }
    }
    s.result = ResultPrecision.of(settings, s, s.result);
    return s.result;
  }

  /** The rounds of the benchmark {@code itemKey} that ended (a run of variants), in order. */
  public List<VariantRun.Round> roundsOf(String itemKey) {
    VariantGroup g = groups.get(itemKey);
    return g == null ? List.of() : List.copyOf(g.rounds);
  }

  /** The results of every variant of {@code itemKey} as they stand (empty without variants). */
  public List<BenchmarkResult> resultsOf(String itemKey) {
    VariantGroup g = groups.get(itemKey);
    List<BenchmarkResult> out = new ArrayList<>();
    if (g != null) {
      g.sides.stream().filter(x -> x.result != null).forEach(x -> out.add(x.result));
    }
    return out;
  }

  /** Seconds until the run is expected to end: the budget left, or the forks left if fewer. */
  public double remainingSeconds() {
    double left = 0;
    for (ForkState s : states.values()) {
      if (s.active()) {
        int more = Math.max(settings.minForks() - s.forks, s.forks < settings.minForks() ? 0 : 1);
        left += more * s.expectedForkSeconds();
      }
    }
    return Math.max(0, Math.min(left, (deadline - nanoTime.getAsLong()) / 1e9));
  }

  /** Every benchmark's result as it stands (with its stop reason once it stopped), in plan order. */
  public List<BenchmarkResult> results() {
    List<BenchmarkResult> out = new ArrayList<>();
    for (ForkState s : states.values()) {
      if (s.result != null) {
        out.add(s.result);
      }
    }
    return out;
  }
}
