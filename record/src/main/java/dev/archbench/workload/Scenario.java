package dev.archbench.workload;

import java.util.Map;

/**
 * A benchmark that is not a JMH method: a load test with its own measurement loop (open-loop rates,
 * knee search, Poisson arrivals). Runs in a forked JVM started by the runner; must have a public
 * no-argument constructor.
 */
public interface Scenario {

  /**
   * Runs one parameter set and returns what it measured; throws to fail it.
   *
   * @param params the parameter values for this run
   * @param settings how long to warm up and measure, and how many threads/concurrency to use
   */
  ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) throws Exception;

  /**
   * Measurement budget from the profile.
   *
   * @param warmupSeconds total warm-up time
   * @param measureSeconds time per measured iteration
   * @param iterations measured iterations
   * @param threads {@code --threads} value, or the host's vCPU count
   * @param options command-line options meant for workloads (e.g. {@code web.p99TargetMs})
   */
  record ScenarioSettings(
      double warmupSeconds, double measureSeconds, int iterations, int threads,
      Map<String, String> options) {

    /**
     * The warm-up as steps of {@code measureSeconds}: a scenario whose score is a series of equal
     * steps measures its warm-up as steps too ({@link ScenarioMeasurement#withWarmup}), so the
     * runner finds by evidence where the whole series became steady.
     */
    public int warmupSteps() {
      return measureSeconds > 0 ? (int) Math.round(warmupSeconds / measureSeconds) : 0;
    }
  }
}
