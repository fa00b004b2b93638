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

  /** Every benchmark of the workload, in the order they run. */
  List<BenchmarkSpec> benchmarks();

  /** Hidden workloads (the failing {@code selftest}) are listed only with {@code --all}. */
  default boolean hidden() {
    return false;
  }
}
