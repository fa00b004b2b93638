package dev.archbench.harness.runner.measure;

import dev.archbench.record.Precision.StopReason;
import dev.archbench.stats.StoppingRule;
import java.util.function.LongSupplier;

/**
 * The run's budget as the scheduler checks it before a fork (or a round of variants): the {@link
 * StoppingRule}'s budget cap on the time since the run started.
 *
 * @param start the run's start and {@code deadline} its end, in {@code nanoTime} units
 */
record BudgetClock(StoppingRule rule, LongSupplier nanoTime, long start, long deadline) {

  static BudgetClock startingNow(ProfileSettings settings, LongSupplier nanoTime) {
    long start = nanoTime.getAsLong();
    return new BudgetClock(settings.stoppingRule(), nanoTime, start, start + settings.budget().toNanos());
  }

  /**
   * Why no fork (or round) of {@code seconds} may start now after {@code forksDone}, or null. The budget
   * is a cap: past the first fork (every benchmark gets a result), nothing starts that would end after
   * it, not even what the minimum asks for (the result then says it stopped early).
   */
  StopReason beforeFork(int forksDone, double seconds) {
    // Nanoseconds since the start: exact as doubles for any budget below a hundred days.
    long endsAt = nanoTime.getAsLong() - start + (long) (seconds * 1e9);
    return rule.beforeFork(forksDone, endsAt, deadline - start);
  }

  /** Seconds left until the deadline (negative past it). */
  double secondsLeft() {
    return (deadline - nanoTime.getAsLong()) / 1e9;
  }
}
