package dev.archbench.harness.runner;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.workload.BenchmarkSpec;
import java.util.Map;

/**
 * One unit of a run: a benchmark with one parameter set and one thread count. Its {@link #key()} is
 * the result's identity in the record (what {@code --resume} matches).
 *
 * @param mode JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}), {@code scenario},
 *     or {@code null} when the JMH benchmark is not on the class path
 * @param skipReason why it cannot run on this host, or {@code null}
 */
public record PlanItem(
    String workload, BenchmarkSpec spec, Map<String, String> params, int threads, String mode,
    double estimatedSeconds, String skipReason) {

  public PlanItem {
    params = Map.copyOf(params);
  }

  public String key() {
    return BenchmarkResult.keyOf(workload, spec.name(), params, threads);
  }

  public boolean isScenario() {
    return spec.scenarioClass() != null;
  }

  public boolean isSkipped() {
    return skipReason != null;
  }
}
