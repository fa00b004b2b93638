package dev.archbench.harness.runner;

import dev.archbench.workload.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything {@code archbench run} was asked to do, independent of picocli.
 *
 * @param threads the {@code --threads} list as typed, or {@code null}
 * @param jvm {@code --jvm} path, or {@code null}
 * @param jvmArgs {@code --jvm-args} as typed, or {@code null}
 * @param jmh {@code --jmh} raw JMH options as typed, or {@code null}
 * @param options workload options by {@link dev.archbench.workload.WorkloadOptions} name
 * @param onInterrupt command to run after an interrupted run's record is on disk, or {@code null}
 * @param commandLine the arguments as typed, stored in the record (what {@code --resume} replays)
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
    boolean dryRun,
    Progress.Mode progress,
    boolean verbose,
    String onInterrupt,
    Duration spotPollInterval,
    List<String> commandLine) {

  public RunRequest {
    workloads = List.copyOf(workloads);
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    options = Map.copyOf(options);
    commandLine = List.copyOf(commandLine);
  }
}
