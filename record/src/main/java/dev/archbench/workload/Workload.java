package dev.archbench.workload;

import java.util.List;

/**
 * A self-describing group of benchmarks (like a Renaissance benchmark group). Implementations are
 * registered with {@link java.util.ServiceLoader} in {@code META-INF/services/dev.archbench.workload.Workload}
 * of their module; the harness discovers them, nothing lists them by hand.
 */
public interface Workload {
  /** Short id used on the command line, e.g. {@code compression}. */
  String id();

  /** One line: what this workload represents. */
  String summary();

  /**
   * Every benchmark of the workload, in the order they run. The list may depend on the run's options
   * (a user's {@code --corpus} replaces the generated corpora); {@link WorkloadContext#none()} asks for
   * what the workload offers without a run in mind.
   */
  List<BenchmarkSpec> benchmarks(WorkloadContext ctx);

  /**
   * The benchmarks (by {@link BenchmarkSpec#name()}) that give this workload's first answer: the core
   * grid, which the quick profile runs, so that a few benchmarks get steady, repeated forks in its
   * budget. Empty: all of its benchmarks (a user's jar or service).
   */
  default java.util.Set<String> coreBenchmarks() {
    return java.util.Set.of();
  }

  /** Hidden workloads (the failing {@code selftest}) are listed only with {@code --all}. */
  default boolean hidden() {
    return false;
  }
}
