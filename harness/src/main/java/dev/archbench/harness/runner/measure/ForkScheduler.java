package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.PrecisionModel;
import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;
import dev.archbench.stats.ScoreInterval;
import dev.archbench.stats.StoppingRule;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>In a run of variants ({@code --variant}) a benchmark's unit of measurement is a round, one fork
 * of every variant; {@link VariantRounds} queues those rounds and decides when such a benchmark stops.
 */
public final class ForkScheduler {
  /**
   * A fork to run: the plan index (1-based) of its benchmark, its number (1-based) and plan, and in a
   * run of variants the variant it belongs to ({@code null} otherwise).
   */
  public record Next(int index, PlanItem item, int fork, ForkPlan plan, String variant) {
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
  private final ForkOrder order;
  private final Random random;
  private final BudgetClock budget;
  private final String hostKey;
  private final boolean adaptIterations;
  private final Map<String, ForkState> states = new LinkedHashMap<>();
  private final Deque<ForkState> round = new ArrayDeque<>();
  /** The rounds of a run of variants, or null without variants. */
  private final VariantRounds rounds;

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
    this.settings = settings;
    this.order = order;
    this.random = new Random(SplitMix64.mix(seed));
    this.budget = BudgetClock.startingNow(settings, nanoTime);
    this.hostKey = hostKey;
    this.adaptIterations = adaptIterations;
    this.rounds = variants == null ? null : new VariantRounds(variants, settings, hostKey, adaptIterations, round);
    for (int i = 0; i < plan.size(); i++) {
      PlanItem item = plan.get(i);
      if (item.isSkipped()) {
        continue;
      }
      if (rounds != null) {
        rounds.add(i + 1, item, resumed).forEach(s -> states.put(s.key(), s));
        continue;
      }
      ForkState s = new ForkState(i + 1, item, ForkPlan.first(settings), null, null, settings.minForks());
      s.restore(resumed.get(item.key()));
      states.put(item.key(), s);
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
        Next n = rounds.next(s, budget);
        if (n != null) {
          return n;
        }
        continue;
      }
      StopReason why = budget.beforeFork(s.forks, s.expectedForkSeconds());
      if (why != null) {
        s.stop = why;
        s.result = ResultPrecision.of(settings, s, s.result);
        continue;
      }
      if (order == ForkOrder.SEQUENTIAL) {
        round.addFirst(s); // the same benchmark again until it stops
      }
      return s.next();
    }
  }

  /**
   * The forks of {@code first}'s round not handed out yet (for {@code --duet}, which starts them
   * together); empty without variants.
   */
  public List<Next> restOfRound(Next first) {
    ForkState f = states.get(first.resultKey());
    return f == null || f.group == null ? new ArrayList<>() : rounds.restOf(f);
  }

  private boolean newRound() {
    if (rounds != null) {
      return rounds.newRound(order, random);
    }
    List<ForkState> next = order.nextRound(states.values(), ForkState::active, random);
    round.addAll(next);
    return !next.isEmpty();
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
        rounds.failed(s);
      }
      return s.result;
    }
    if (s.group != null) {
      return rounds.completed(s);
    }
    boolean steady = s.result.isOk();
    s.halfWidth = steady ? ScoreInterval.of(s.result, hostKey).relativeHalfWidth() : Double.NaN;
    s.stop = budget.rule().afterFork(s.forks, s.halfWidth);
    if (s.stop == null && adaptIterations) {
      s.plan = ForkReplan.next(settings, s);
    }
    if (s.stop != null) {
      round.remove(s);
    }
    s.result = ResultPrecision.of(settings, s, s.result);
    return s.result;
  }

  /** The rounds of the benchmark {@code itemKey} that ended (a run of variants), in order. */
  public List<VariantRun.Round> roundsOf(String itemKey) {
    return rounds == null ? List.of() : rounds.roundsOf(itemKey);
  }

  /** The results of every variant of {@code itemKey} as they stand (empty without variants). */
  public List<BenchmarkResult> resultsOf(String itemKey) {
    return rounds == null ? new ArrayList<>() : rounds.resultsOf(itemKey);
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
    return Math.max(0, Math.min(left, budget.secondsLeft()));
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
