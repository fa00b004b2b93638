package dev.archbench.workload;

/**
 * How a benchmark runs: as a JMH method on archbench's class path ({@link JmhMethod}), as a
 * {@link Scenario} ({@link ScenarioClass}) for load tests JMH cannot express, or as a JMH benchmark
 * of the user's own jar run with that jar's JMH ({@link UserJmhMethod}); the runner forks JVMs for
 * each. Sealed, so code that runs benchmarks handles exactly these kinds.
 */
public sealed interface Execution permits JmhMethod, ScenarioClass, UserJmhMethod {

  /** The kind as {@code archbench list} shows it: {@code jmh}, {@code scenario} or {@code user-jmh}. */
  String kind();
}
