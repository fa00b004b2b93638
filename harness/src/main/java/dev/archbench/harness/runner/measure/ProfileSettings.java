package dev.archbench.harness.runner.measure;

import dev.archbench.stats.StoppingRule;
import dev.archbench.workload.Profile;
import java.time.Duration;
import java.util.Locale;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What a profile promises and how it measures: a precision target (the 95% interval's half-width
 * relative to the score), a wall-clock budget for the whole run, the fork range each benchmark may
 * use to reach the target, and how each fork runs. A fork is one series of equal iterations
 * ({@code measurementTime} each): first its warm-up, then {@code measurementIterations} more. Where
 * the warm-up ends is decided by evidence after the fork ({@link SteadyState}: the JIT quiet, no
 * trend), not by this plan; the plan only sizes the fork. The first fork's warm-up is a guess
 * ({@code warmupIterations}, or what earlier runs on this host learned); later forks take what the
 * earlier ones needed, growing up to {@code maxWarmup} when a fork did not become steady
 * ({@link ForkScheduler}). Scenarios warm their server for as long before their measured steps.
 *
 * <p>Budgets for the default (representative) grid of the whole suite, on a 2-vCPU machine: smoke
 * 4 minutes (proves it works, no target, too short to classify), quick 10 minutes at ±5%, standard 60
 * minutes at ±2%, full 6 hours at ±1%.
 *
 * @param minForks forks every benchmark runs unless the budget runs out (at least 3 where there is a
 *     target: one fork cannot show fork-to-fork variation, and two give an interval with one degree
 *     of freedom, about nine times as wide as the fork-to-fork spread)
 * @param maxForks the most forks a benchmark runs to reach its target
 * @param warmupIterations the first fork's warm-up iterations when nothing was learned yet
 * @param maxWarmup the longest warm-up any fork gets: a fork that is still not steady after it is
 *     recorded as such
 * @param measurementIterations iterations each fork runs after its planned warm-up
 * @param measurementTime the length of every iteration, warm-up included
 * @param precision the target as a fraction (0.05 = ±5%), or {@code null} for none
 * @param budget wall-clock cap for the whole run
 */
public record ProfileSettings(
    int minForks, int maxForks, int warmupIterations, Duration maxWarmup, int measurementIterations,
    Duration measurementTime, Double precision, Duration budget) {

  /** Seconds a forked JVM costs beyond its iterations (start-up, class loading, setup); for plans. */
  public static final double FORK_OVERHEAD_SECONDS = 1.5;

  public static ProfileSettings of(Profile profile) {
    return switch (profile) {
      case SMOKE -> new ProfileSettings(1, 1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), null,
          Duration.ofMinutes(4));
      case QUICK -> new ProfileSettings(3, 8, 6, Duration.ofSeconds(15), 5, Duration.ofMillis(500), 0.05,
          Duration.ofMinutes(10));
      case STANDARD -> new ProfileSettings(4, 20, 6, Duration.ofSeconds(40), 6, Duration.ofSeconds(1), 0.02,
          Duration.ofMinutes(60));
      case FULL -> new ProfileSettings(5, 40, 6, Duration.ofSeconds(120), 10, Duration.ofSeconds(2), 0.01,
          Duration.ofHours(6));
    };
  }

  /**
   * These settings with whatever the user's raw {@code --jmh} options set explicitly (-f fixes the
   * forks; -wi gives JMH's own warm-up, then not part of the classified series; -r sets every
   * iteration's length).
   */
  public ProfileSettings overriddenBy(CommandLineOptions raw) {
    int f = raw.getForkCount().orElse(-1);
    return new ProfileSettings(
        f > 0 ? f : minForks,
        f > 0 ? f : maxForks,
        raw.getWarmupIterations().orElse(warmupIterations),
        maxWarmup,
        raw.getMeasurementIterations().orElse(measurementIterations),
        raw.getMeasurementTime().hasValue() ? toDuration(raw.getMeasurementTime().get()) : measurementTime,
        precision, budget);
  }

  /** When a benchmark's forks may stop under these settings: the run's scheduler and the dry run ask the same rule. */
  public StoppingRule stoppingRule() {
    return new StoppingRule(precision, minForks, maxForks);
  }

  /** These settings with another target ({@code null}: none) and budget ({@link MeasurementPolicy#applyTo}). */
  public ProfileSettings withTarget(Double target, Duration newBudget) {
    return new ProfileSettings(minForks, maxForks, warmupIterations, maxWarmup, measurementIterations,
        measurementTime, target, newBudget);
  }

  /** The most warm-up iterations a fork gets (at least one). */
  public int maxWarmupIterations() {
    return (int) Math.max(1, maxWarmup.toMillis() / Math.max(1, measurementTime.toMillis()));
  }

  /** Planned seconds of one fork with the starting iterations (JVM start-up included). */
  public double forkSeconds() {
    return forkSeconds(warmupIterations);
  }

  /** Planned seconds of one fork with {@code warmup} warm-up iterations (JVM start-up included). */
  public double forkSeconds(int warmup) {
    return (warmup + measurementIterations) * seconds(measurementTime) + FORK_OVERHEAD_SECONDS;
  }

  /** Planned seconds of a benchmark's minimum forks. */
  public double estimatedSeconds() {
    return Math.max(1, minForks) * forkSeconds();
  }

  public TimeValue jmhMeasurementTime() {
    return TimeValue.milliseconds(measurementTime.toMillis());
  }

  /** One line for {@code --help}, the plan and the README. */
  public String describe() {
    String forks = minForks == maxForks ? minForks + " fork" + (minForks == 1 ? "" : "s")
        : minForks + "-" + maxForks + " forks";
    return String.format(Locale.ROOT, "%s, %s, %s budget; warm-up <= %s, %d x %s",
        precision == null ? "no target" : "±" + pct(precision), forks, human(budget),
        human(maxWarmup), measurementIterations, human(measurementTime));
  }

  /** A fraction as a short percentage: {@code 2%}, {@code 1.9%}, {@code 0.45%}, {@code 140%}, {@code >999%}. */
  public static String pct(double fraction) {
    double p = fraction * 100;
    if (p > 999) {
      return ">999%";
    }
    return (p == Math.rint(p) || p >= 10 ? String.format(Locale.ROOT, "%.0f", p)
        : String.format(Locale.ROOT, "%.2g", p)) + "%";
  }

  public static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  public static String human(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    long s = d.toSeconds();
    if (s >= 3600 && s % 3600 == 0) {
      return s / 3600 + " h";
    }
    return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
  }

  private static Duration toDuration(TimeValue t) {
    return Duration.ofNanos(t.convertTo(java.util.concurrent.TimeUnit.NANOSECONDS));
  }
}
