package dev.archbench.harness.runner.measure;

/** The plan of a benchmark's next fork, from what its forks so far showed. */
final class ForkReplan {
  private ForkReplan() {}

  /**
   * The next fork's plan. Warm-up: what the steady forks so far needed, with a margin ({@link
   * WarmupPlan}); measured iterations, once the minimum forks ran, follow Kalibera and Jones's optimum
   * for the variances seen.
   */
  static ForkPlan next(ProfileSettings settings, ForkState s) {
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
}
