package dev.archbench.harness.runner.measure;

/** What one fork of a benchmark runs: its warm-up and measured iterations (times from the profile). */
public record ForkPlan(int warmupIterations, int measurementIterations) {

  /** A benchmark's first fork: the profile's iterations. */
  static ForkPlan first(ProfileSettings settings) {
    return new ForkPlan(settings.warmupIterations(), settings.measurementIterations());
  }
}
