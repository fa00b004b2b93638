package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.measure.ForkScheduler.Next;
import dev.archbench.harness.runner.measure.ForkScheduler.Variants;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.VariantRun;
import dev.archbench.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The rounds of a run of variants ({@code --variant}), for {@link ForkScheduler}: per benchmark a
 * {@link VariantGroup}, whose unit of measurement is a round, one fork of every variant back to back
 * in a seeded random order that is recorded ({@link VariantRun.Round}). A benchmark stops as a whole:
 * on its paired ratios, at the fork cap (in rounds) or at the budget, checked before each round,
 * never inside one.
 */
final class VariantRounds {
  private final Variants variants;
  private final ProfileSettings settings;
  private final String hostKey;
  private final boolean adaptIterations;
  private final Map<String, VariantGroup> groups = new LinkedHashMap<>();
  /** The scheduler's queue of the round under way: a round's forks are queued back to back. */
  private final Deque<ForkState> round;

  VariantRounds(Variants variants, ProfileSettings settings, String hostKey, boolean adaptIterations,
      Deque<ForkState> round) {
    this.variants = variants;
    this.settings = settings;
    this.hostKey = hostKey;
    this.adaptIterations = adaptIterations;
    this.round = round;
  }

  /**
   * Adds the benchmark {@code item} (plan index {@code index}) and returns its sides, one per variant,
   * each going on from what {@code resumed} (by result key) kept of an interrupted run.
   */
  List<ForkState> add(int index, PlanItem item, Map<String, BenchmarkResult> resumed) {
    VariantGroup g = new VariantGroup(item.key());
    for (String name : variants.names()) {
      ForkState s = new ForkState(index, item, ForkPlan.first(settings), name, g, settings.minForks());
      s.restore(resumed.get(s.key()));
      g.failed |= s.failed;
      g.stop = g.stop != null ? g.stop : s.stop;
      g.sides.add(s);
    }
    if (variants.kept() != null) {
      g.rounds.addAll(variants.kept().roundsOf(item.key()));
    }
    groups.put(item.key(), g);
    return g.sides;
  }

  /**
   * The fork of {@code s}, a variant's side, or null when its benchmark stopped. Before a round's
   * first fork the budget must have room for the whole round (its forks are one measurement); once
   * a round started, its other forks follow.
   */
  Next next(ForkState s, BudgetClock budget) {
    VariantGroup g = s.group;
    if (g.handed == 0) {
      int done = g.sides.stream().mapToInt(x -> x.forks).min().orElse(0);
      StopReason why = budget.beforeFork(done, g.expectedRoundSeconds());
      if (why != null) {
        stop(g, why);
        return null;
      }
    }
    g.handed++;
    return s.next();
  }

  /** The forks of {@code first}'s round not handed out yet: they follow it in the queue. */
  List<Next> restOf(ForkState first) {
    List<Next> out = new ArrayList<>();
    while (!round.isEmpty() && round.peekFirst().group == first.group && first.group.active()) {
      ForkState s = round.pollFirst();
      first.group.handed++;
      out.add(s.next());
    }
    return out;
  }

  /**
   * Queues a round of every benchmark still going: the benchmarks in a seeded random order (as forks
   * are without variants), and within each benchmark one fork of every variant, back to back, in an
   * order drawn from the same seeded stream. False when every benchmark stopped.
   */
  boolean newRound(ForkOrder order, Random random) {
    List<VariantGroup> next = order.nextRound(groups.values(), VariantGroup::active, random);
    for (VariantGroup g : next) {
      List<ForkState> sides = new ArrayList<>(g.sides);
      Collections.shuffle(sides, random);
      g.handed = 0;
      g.current = new ArrayList<>();
      round.addAll(sides);
    }
    return !next.isEmpty();
  }

  /** A side's fork failed: no more pairs can be made, so the benchmark stops for every variant. */
  void failed(ForkState s) {
    s.group.failed = true;
    round.removeIf(x -> x.group == s.group);
  }

  /**
   * A side's fork ended well: it joins its round, and when the round is whole the benchmark's paired
   * ratios decide whether it goes on. Returns the side's result so far.
   */
  BenchmarkResult completed(ForkState s) {
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
        stop(g, why);
      }
    }
    s.result = ResultPrecision.of(settings, s, s.result);
    return s.result;
  }

  private void stop(VariantGroup g, StopReason why) {
    g.stop = why;
    for (ForkState x : g.sides) {
      x.stop = why;
      x.result = ResultPrecision.of(settings, x, x.result);
    }
    round.removeIf(x -> x.group == g);
  }

  /** The rounds of the benchmark {@code itemKey} that ended, in order. */
  List<VariantRun.Round> roundsOf(String itemKey) {
    VariantGroup g = groups.get(itemKey);
    return g == null ? List.of() : List.copyOf(g.rounds);
  }

  /** The results of every variant of {@code itemKey} as they stand. */
  List<BenchmarkResult> resultsOf(String itemKey) {
    VariantGroup g = groups.get(itemKey);
    List<BenchmarkResult> out = new ArrayList<>();
    if (g != null) {
      g.sides.stream().filter(x -> x.result != null).forEach(x -> out.add(x.result));
    }
    return out;
  }
}
