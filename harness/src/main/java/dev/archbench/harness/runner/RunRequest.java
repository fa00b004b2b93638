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
 * by the CLI, in parts that say what they are for.
 *
 * @param benchmarks what runs, and what its workloads are given
 * @param jvm the benchmark JVMs and raw JMH options
 * @param output where the run writes, what it shows, what happens when it is interrupted
 * @param measurement {@code --precision}, {@code --budget}, {@code --order}: each empty for the profile's
 * @param variants {@code --variant} (with {@code --duet}, {@code --threshold}), or {@code null} for a run
 *     without variants
 */
public record RunRequest(
    Benchmarks benchmarks, ForkJvm jvm, Output output, MeasurementPolicy measurement, VariantRequest variants) {

  /**
   * What runs: the profile, its grid and the selection, and what the workloads are given.
   *
   * @param grid which parameter grid the workloads run
   * @param threads the {@code --threads} list as typed, or {@code null}
   * @param options workload options by {@link dev.archbench.workload.WorkloadOptions} name
   * @param workDir the workloads' directory for caches such as models
   */
  public record Benchmarks(Profile profile, Grid grid, List<String> workloads, List<String> includes,
      List<String> excludes, String threads, Map<String, String> options, Path workDir) {
    public Benchmarks {
      workloads = List.copyOf(workloads);
      includes = List.copyOf(includes);
      excludes = List.copyOf(excludes);
      options = Map.copyOf(options);
    }
  }

  /**
   * The JVMs that run the forks.
   *
   * @param java {@code --jvm} path, or {@code null}
   * @param jvmArgs {@code --jvm-args} as typed, or {@code null}
   * @param jmh {@code --jmh} raw JMH options as typed, or {@code null} (the runner parses them once)
   */
  public record ForkJvm(String java, String jvmArgs, String jmh) {}

  /**
   * Where the run writes and what it shows.
   *
   * @param label stored in the record, or {@code null}
   * @param outDir the directory of the record, JMH's JSON and the log
   * @param commandLine the arguments as typed, stored in the record (what {@code --resume} replays)
   * @param progress how progress is shown (a live line, plain lines, or none: {@code --progress}, {@code --quiet})
   * @param verbose {@code --verbose}: JMH's own output shown as well (always in the log)
   * @param onInterrupt command to run after an interrupted run's record is on disk, or {@code null}
   * @param spotPollInterval how often the spot watcher asks for an interruption notice
   */
  public record Output(String label, Path outDir, List<String> commandLine, Progress.Mode progress,
      boolean verbose, String onInterrupt, Duration spotPollInterval) {
    public Output {
      commandLine = List.copyOf(commandLine);
    }
  }
}
