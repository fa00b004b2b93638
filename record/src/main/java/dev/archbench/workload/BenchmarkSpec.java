package dev.archbench.workload;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Metadata of one benchmark: what it measures, in which unit, with which parameters per
 * {@link ParamGrid}, and how it runs.
 *
 * <p>Two kinds run the same way for the user ({@link #execution}): a JMH method (the runner passes
 * {@code params} to JMH as {@code -p}), or a {@link Scenario} for load tests that JMH cannot express
 * (open-loop rates, knee search); the runner forks a JVM for it just as JMH does.
 *
 * @param name stable id within the workload, e.g. {@code zstd.compress}
 * @param summary one line for {@code list}
 * @param scoreMeaning what the score means, e.g. "MB/s of uncompressed input (1 MB = 10^6 bytes)"
 * @param unit unit of the score as it appears in the record, e.g. {@code MB/s}, {@code ops/s}
 * @param higherIsBetter throughput-like (true) or time-like (false)
 * @param execution the JMH method or the scenario class that runs it
 * @param params per parameter grid, each JMH {@code @Param} (or scenario parameter) and its values;
 *     a grid absent from the map does not include this benchmark
 * @param scalesWithThreads whether {@code --threads} makes a thread-scaling series of it
 * @param jvmArgs extra arguments for the forked JVM (heap, system properties)
 * @param availability why it cannot run on this host, or empty when it can; asked only of benchmarks
 *     that a run plans (it may start a process, e.g. look for Python with torch), with the context
 *     the workload listed them with; {@code null} means always available
 */
public record BenchmarkSpec(
    String name,
    String summary,
    String scoreMeaning,
    String unit,
    boolean higherIsBetter,
    Execution execution,
    Map<ParamGrid, Map<String, List<String>>> params,
    boolean scalesWithThreads,
    List<String> jvmArgs,
    Function<WorkloadContext, Optional<String>> availability) {

  public BenchmarkSpec {
    Objects.requireNonNull(execution, () -> name + ": no execution (JMH method or scenario class)");
    params = Map.copyOf(params);
    jvmArgs = List.copyOf(jvmArgs);
    if (availability == null) {
      availability = ctx -> Optional.empty();
    }
  }

  public boolean includedIn(ParamGrid grid) {
    return params.containsKey(grid);
  }

  public Map<String, List<String>> paramsFor(ParamGrid grid) {
    return params.getOrDefault(grid, Map.of());
  }

  public Optional<String> unavailableReason(WorkloadContext ctx) {
    return availability.apply(ctx);
  }
}
