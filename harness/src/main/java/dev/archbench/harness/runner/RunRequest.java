package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.measure.MeasurementPolicy;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.workload.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code archbench run} was asked to do, independent of picocli: each option parsed once
 * by the CLI.
 *
 * @param threads the {@code --threads} list as typed, or {@code null}
 * @param jvm {@code --jvm} path, or {@code null}
 * @param jvmArgs {@code --jvm-args} as typed, or {@code null}
 * @param jmh {@code --jmh} raw JMH options as typed, or {@code null} (the runner parses them once)
 * @param options workload options by {@link dev.archbench.workload.WorkloadOptions} name
 * @param onInterrupt command to run after an interrupted run's record is on disk, or {@code null}
 * @param commandLine the arguments as typed, stored in the record (what {@code --resume} replays)
 * @param measurement {@code --precision}, {@code --budget}, {@code --order}: each empty for the profile's
 * @param grid which parameter grid the workloads run
 * @param variants {@code --variant} (with {@code --duet}, {@code --threshold}), or {@code null} for a run
 *     without variants
 */
public record RunRequest(
    Profile profile,
    List<String> workloads,
    List<String> includes,
    List<String> excludes,
    String threads,
    String jvm,
    String jvmArgs,
    String jmh,
    String label,
    Path outDir,
    Path workDir,
    Map<String, String> options,
    Progress.Mode progress,
    boolean verbose,
    String onInterrupt,
    Duration spotPollInterval,
    List<String> commandLine,
    MeasurementPolicy measurement,
    Grid grid,
    VariantRequest variants) {

  public RunRequest {
    workloads = List.copyOf(workloads);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    options = Map.copyOf(options);
    commandLine = List.copyOf(commandLine);
  }
}
