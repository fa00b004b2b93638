package dev.archbench.harness.runner.measure;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * When a child JVM must have ended: the run's deadline (its start plus the budget), or, for a fork
 * that starts too late to finish by then (every benchmark gets its first fork), twice the fork's
 * planned time plus a grace for a JVM's start-up and tear-down. A fork still running then is killed
 * and recorded as {@link #EXCEEDED}; without this, a user benchmark that never returns keeps the run
 * going for ever.
 *
 * @param grace the start-up and tear-down allowance (a minute; tests shorten it)
 */
public record ForkDeadline(long runDeadlineNanos, Duration grace, LongSupplier nanoTime) {
  /** The reason a fork killed at its deadline records. */
  public static final String EXCEEDED = "exceeded the budget";

  /** The deadline of a run whose budget starts now. */
  public static ForkDeadline of(Duration budget, Duration grace, LongSupplier nanoTime) {
    return new ForkDeadline(nanoTime.getAsLong() + budget.toNanos(), grace, nanoTime);
  }

  /** The moment (in {@link #nanoTime} units) by which a fork of {@code plan} starting now must end. */
  public long forFork(ForkPlan plan, ProfileSettings settings) {
    long planned = (plan.warmupIterations() + plan.measurementIterations()) * settings.measurementTime().toNanos();
    long own = nanoTime.getAsLong() + 2 * planned + grace.toNanos();
    return Math.max(runDeadlineNanos, own);
  }
}
