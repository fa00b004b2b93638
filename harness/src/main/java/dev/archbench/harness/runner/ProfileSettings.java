package dev.archbench.harness.runner;

import dev.archbench.workload.Profile;
import java.time.Duration;
import java.util.Locale;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How long and how often a profile measures: JMH forks, warm-up and measurement iterations and
 * their durations. Scenarios get the same budget (warm-up = iterations x time).
 *
 * <p>Budgets, per benchmark and parameter set, with JVM start-up on top:
 * smoke 3 s, quick 10 s, standard 80 s, full 450 s. Each workload chooses its parameter sets per
 * profile; the whole suite plans about 3 minutes (smoke), 20 minutes (quick), 8 hours (standard) and
 * 3 days (full), whatever the core count, so standard and full are meant for a selection.
 */
public record ProfileSettings(
    int forks, int warmupIterations, Duration warmupTime, int measurementIterations,
    Duration measurementTime) {

  /** Seconds a forked JVM costs beyond its iterations (start-up, class loading, setup); for ETAs. */
  static final double FORK_OVERHEAD_SECONDS = 1.5;

  public static ProfileSettings of(Profile profile) {
    return switch (profile) {
      case SMOKE -> new ProfileSettings(1, 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(1));
      case QUICK -> new ProfileSettings(1, 2, Duration.ofSeconds(2), 3, Duration.ofSeconds(2));
      case STANDARD -> new ProfileSettings(2, 3, Duration.ofSeconds(5), 5, Duration.ofSeconds(5));
      case FULL -> new ProfileSettings(3, 5, Duration.ofSeconds(10), 10, Duration.ofSeconds(10));
    };
  }

  /** These settings with whatever the user's raw {@code --jmh} options set explicitly. */
  public ProfileSettings overriddenBy(CommandLineOptions raw) {
    return new ProfileSettings(
        raw.getForkCount().orElse(forks),
        raw.getWarmupIterations().orElse(warmupIterations),
        raw.getWarmupTime().hasValue() ? toDuration(raw.getWarmupTime().get()) : warmupTime,
        raw.getMeasurementIterations().orElse(measurementIterations),
        raw.getMeasurementTime().hasValue() ? toDuration(raw.getMeasurementTime().get()) : measurementTime);
  }

  /** Planned seconds of one benchmark with one parameter set (for the plan and the ETA). */
  public double estimatedSeconds() {
    double perFork = warmupIterations * seconds(warmupTime) + measurementIterations * seconds(measurementTime);
    return Math.max(1, forks) * (perFork + FORK_OVERHEAD_SECONDS);
  }

  public TimeValue jmhWarmupTime() {
    return TimeValue.milliseconds(warmupTime.toMillis());
  }

  public TimeValue jmhMeasurementTime() {
    return TimeValue.milliseconds(measurementTime.toMillis());
  }

  /** One line for {@code --help}, the plan and the README, e.g. {@code 1 fork, warm-up 1 x 1 s, ...}. */
  public String describe() {
    return String.format(Locale.ROOT, "%d fork%s, warm-up %d x %s, measurement %d x %s",
        forks, forks == 1 ? "" : "s", warmupIterations, human(warmupTime), measurementIterations,
        human(measurementTime));
  }

  static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static String human(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static Duration toDuration(TimeValue t) {
    return Duration.ofNanos(t.convertTo(java.util.concurrent.TimeUnit.NANOSECONDS));
  }
}
