package dev.archbench.workload;

import dev.archbench.record.Host;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workload may know in the harness process when it lists its benchmarks and decides whether
 * each can run: the host's fingerprint, archbench's work directory (model caches) and the options
 * given on the command line ({@code --corpus}, {@code --device}, {@code --python}, ...). Benchmark
 * code in a forked JVM reads the same options and work directory from its {@link ForkContext}.
 *
 * @param host the fingerprint, or {@code null} where nothing runs ({@code list}, the README tables)
 * @param workDir archbench's work directory, made absolute
 * @param options workload options by {@link WorkloadOptions} name
 */
public record WorkloadContext(Host host, Path workDir, Map<String, String> options) {

  public WorkloadContext {
    workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
    options = Map.copyOf(options);
  }

  /** No host and no options, the default work directory: what {@code list} describes. */
  public static WorkloadContext none() {
    return new WorkloadContext(null, Path.of(WorkloadOptions.DEFAULT_WORK_DIR), Map.of());
  }

  /** The option's value; a blank value counts as not given. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }

  /** Logical CPUs the benchmark may use (container limit applied). */
  public int cpus() {
    int n = Runtime.getRuntime().availableProcessors();
    if (host != null && host.cpu() != null && host.cpu().logicalCores() != null) {
      n = Math.min(n, host.cpu().logicalCores());
    }
    return Math.max(1, n);
  }
}
