package dev.archbench.harness.runner.plan;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.workload.BenchmarkSpec;
import java.util.Map;

/**
 * One unit of a run: a benchmark with one parameter set and one thread count. Its {@link #key()} is
 * the result's identity in the record (what {@code --resume} matches).
 *
 * @param kind what the planner learned of the benchmark's kind, asked once (its mode among them)
 * @param params the benchmark's identity: parameters its spec declares or the user set
 * @param jmhDefaults other {@code @Param}s of its JMH state classes, pinned to their defaults so that
 *     JMH runs exactly one parameter set, but not part of the identity ({@code seqLen} of a shared
 *     inference state means nothing to a ResNet-50 benchmark)
 * @param skipReason why it cannot run on this host, or {@code null}
 */
public record PlanItem(
    String workload, BenchmarkSpec spec, KindFacts kind, Map<String, String> params, Map<String, String> jmhDefaults,
    int threads, double estimatedSeconds, String skipReason) {

  public PlanItem {
    params = Map.copyOf(params);
    jmhDefaults = Map.copyOf(jmhDefaults);
  }

  /** An item of a plan built by hand, whose mode is known (the rest of its kind follows from the spec). */
  public PlanItem(String workload, BenchmarkSpec spec, Map<String, String> params, Map<String, String> jmhDefaults,
      int threads, String mode, double estimatedSeconds, String skipReason) {
    this(workload, spec, KindFacts.withMode(mode, spec.execution(), threads), params, jmhDefaults, threads,
        estimatedSeconds, skipReason);
  }

  /**
   * JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}), {@code scenario}, or {@code null}
   * when the JMH benchmark is not on the class path.
   */
  public String mode() {
    return kind.mode();
  }

  /** Every parameter JMH is given: the identity plus the pinned defaults. */
  public Map<String, String> jmhParams() {
    Map<String, String> all = new java.util.TreeMap<>(jmhDefaults);
    all.putAll(params);
    return all;
  }

  public String key() {
    return BenchmarkResult.keyOf(workload, spec.name(), params, threads);
  }

  public boolean isSkipped() {
    return skipReason != null;
  }
}
