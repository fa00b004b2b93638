package dev.archbench.harness.runner;

import dev.archbench.workload.Profile;
import java.time.Duration;
import java.util.Locale;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What a profile promises and how it measures: a precision target (the 95% interval's half-width
 * relative to the score), a wall-clock budget for the whole run, the fork range each benchmark may
 * use to reach the target, and each fork's starting warm-up and measurement iterations (the runner
 * adapts both from the first forks: {@link IterationPlanner}, {@link SteadyState}). Scenarios get the
 * same budget per fork (warm-up = iterations x time).
 *
 * <p>Budgets for the default (representative) grid of the whole suite, on a 2-vCPU machine: smoke
 * 3 minutes (proves it works, no target), quick 10 minutes at ±5%, standard 60 minutes at ±2%, full
 * 6 hours at ±1%. Forks are short and many rather than long and few: on a shared or noisy machine
 * the variation between forks dominates, and only more forks narrow an interval that includes it
 * (Kalibera and Jones).
 *
 * @param minForks forks every benchmark runs unless the budget runs out (at least 3 where there is a
 *     target: one fork cannot show fork-to-fork variation, and two give an interval with one degree
 *     of freedom, about nine times as wide as the fork-to-fork spread)
 * @param maxForks the most forks a benchmark runs to reach its target
 * @param precision the target as a fraction (0.05 = ±5%), or {@code null} for none
 * @param budget wall-clock cap for the whole run
 */
public record ProfileSettings(
    int minForks, int maxForks, int warmupIterations, Duration warmupTime, int measurementIterations,
    Duration measurementTime, Double precision, Duration budget) {

  /** Seconds a forked JVM costs beyond its iterations (start-up, class loading, setup); for plans. */
  static final double FORK_OVERHEAD_SECONDS = 1.5;

  public static ProfileSettings of(Profile profile) {
    return switch (profile) {
      case SMOKE -> new ProfileSettings(1, 1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1), null,
          Duration.ofMinutes(3));
      case QUICK -> new ProfileSettings(3, 8, 1, Duration.ofMillis(500), 5, Duration.ofMillis(400), 0.05,
          Duration.ofMinutes(10));
      case STANDARD -> new ProfileSettings(4, 20, 2, Duration.ofSeconds(1), 6, Duration.ofSeconds(1), 0.02,
          Duration.ofMinutes(60));
      case FULL -> new ProfileSettings(5, 40, 3, Duration.ofSeconds(2), 10, Duration.ofSeconds(2), 0.01,
          Duration.ofHours(6));
    };
  }

  /** These settings with whatever the user's raw {@code --jmh} options set explicitly (-f fixes the forks). */
  public ProfileSettings overriddenBy(CommandLineOptions raw) {
    int f = raw.getForkCount().orElse(-1);
    return new ProfileSettings(
        f > 0 ? f : minForks,
        f > 0 ? f : maxForks,
        raw.getWarmupIterations().orElse(warmupIterations),
        raw.getWarmupTime().hasValue() ? toDuration(raw.getWarmupTime().get()) : warmupTime,
        raw.getMeasurementIterations().orElse(measurementIterations),
        raw.getMeasurementTime().hasValue() ? toDuration(raw.getMeasurementTime().get()) : measurementTime,
        precision, budget);
  }

  /** These settings with {@code --precision} (NaN: no target) and {@code --budget} when given. */
  public ProfileSettings with(Double precisionOverride, Duration budgetOverride) {
    return new ProfileSettings(minForks, maxForks, warmupIterations, warmupTime, measurementIterations,
        measurementTime, precisionOverride == null ? precision : precisionOverride.isNaN() ? null : precisionOverride,
        budgetOverride != null ? budgetOverride : budget);
  }

  /** Planned seconds of one fork with the starting iterations (JVM start-up included). */
  public double forkSeconds() {
    return warmupIterations * seconds(warmupTime) + measurementIterations * seconds(measurementTime)
        + FORK_OVERHEAD_SECONDS;
  }

  /** Planned seconds of a benchmark's minimum forks. */
  public double estimatedSeconds() {
    return Math.max(1, minForks) * forkSeconds();
  }

  public TimeValue jmhWarmupTime() {
    return TimeValue.milliseconds(warmupTime.toMillis());
  }

  public TimeValue jmhMeasurementTime() {
    return TimeValue.milliseconds(measurementTime.toMillis());
  }

  /** One line for {@code --help}, the plan and the README. */
  public String describe() {
    String forks = minForks == maxForks ? minForks + " fork" + (minForks == 1 ? "" : "s")
        : minForks + "-" + maxForks + " forks";
    return String.format(Locale.ROOT, "%s, %s, %s budget; warm-up %d x %s, %d x %s",
        precision == null ? "no target" : "±" + pct(precision), forks, human(budget),
        warmupIterations, human(warmupTime), measurementIterations, human(measurementTime));
  }

  /** A fraction as a short percentage: {@code 2%}, {@code 1.9%}, {@code 0.45%}, {@code 140%}, {@code >999%}. */
  static String pct(double fraction) {
    double p = fraction * 100;
    if (p > 999) {
      return ">999%";
    }
    return (p == Math.rint(p) || p >= 10 ? String.format(Locale.ROOT, "%.0f", p)
        : String.format(Locale.ROOT, "%.2g", p)) + "%";
  }

  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  static String human(Duration d) {
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
