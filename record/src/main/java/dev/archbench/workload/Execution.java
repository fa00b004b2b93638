package dev.archbench.workload;

/**
 * How a benchmark runs: as a JMH method ({@link JmhMethod}), or as a {@link Scenario}
 * ({@link ScenarioClass}) for load tests JMH cannot express; the runner forks a JVM for either.
 * Sealed, so code that runs benchmarks handles exactly these two kinds.
 */
public sealed interface Execution permits JmhMethod, ScenarioClass {

  /** The kind as {@code archbench list} shows it: {@code jmh} or {@code scenario}. */
  String kind();
}
