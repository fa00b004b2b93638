package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.fingerprint.ContainerSource;
import dev.archbench.harness.fingerprint.CpuSource;
import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.fingerprint.PowerSupply;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.stats.Noise;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Conditions on the host that make numbers less comparable, detected at the start of a run from
 * the host's files under {@link HostRoots}, read by the fingerprint's readers ({@link HostFiles}), and
 * the environment (fixture-tested). A missing file means "cannot tell" and never warns.
 */
public final class HostWarnings {
  public static final String GOVERNOR = "governor";
  public static final String THP = "transparent-huge-pages";
  public static final String LOAD = "load-average";
  public static final String CPU_LIMIT = "container-cpu-limit";
  public static final String SHARED_CI = Noise.SHARED_CI_RUNNER;
  public static final String BATTERY = "battery-power";
  public static final String FORK_JVM_FLAGS = "fork-jvm-flags";
  public static final String FORK_JVM = "fork-jvm";
  public static final String RESUMED = "resumed";
  public static final String EMULATED = "emulated";
  public static final String INTERRUPTED = "interrupted";

  private HostWarnings() {}

  /** Every start-of-run warning for this host. */
  public static List<Warning> detect(HostRoots roots, Map<String, String> env) {
    HostFiles files = new HostFiles(roots);
    List<Warning> out = new ArrayList<>();
    governor(files).ifPresent(out::add);
    transparentHugePages(files).ifPresent(out::add);
    loadAverage(files).ifPresent(out::add);
    containerCpuLimit(files).ifPresent(out::add);
    sharedCiRunner(env).ifPresent(out::add);
    battery(files).ifPresent(out::add);
    return out;
  }

  /** Any CPU whose cpufreq governor is not {@code performance}: clocks ramp during the run. */
  static Optional<Warning> governor(HostFiles files) {
    TreeSet<String> others = new TreeSet<>(CpuSource.scalingGovernors(files));
    others.remove("performance");
    return others.isEmpty() ? Optional.empty() : Optional.of(new Warning(GOVERNOR,
        "CPU frequency governor is " + String.join(", ", others)
            + ", not performance: clock speed may change during the run"));
  }

  /** THP other than the common {@code madvise} changes memory-bound results. */
  static Optional<Warning> transparentHugePages(HostFiles files) {
    return files.transparentHugePages()
        .filter(v -> !v.equals("madvise"))
        .map(v -> new Warning(THP, "transparent huge pages: " + v
            + " (most EC2 AMIs use madvise; memory-heavy results depend on it)"));
  }

  /** Other work on the machine at the start. */
  static Optional<Warning> loadAverage(HostFiles files) {
    OptionalDouble load = files.loadAverage();
    if (load.isEmpty() || load.getAsDouble() <= 0.5) {
      return Optional.empty();
    }
    return Optional.of(new Warning(LOAD, String.format(Locale.ROOT,
        "load average %.2f at start (above 0.5): other work competes for the CPUs", load.getAsDouble())));
  }

  /** A cgroup CPU quota below the CPUs the kernel shows: threads get throttled. */
  static Optional<Warning> containerCpuLimit(HostFiles files) {
    int cpus = files.onlineCpus().size(); // 0: the list is absent or malformed
    // The fingerprint's reading of cgroups (v2 or v1, smallest limit along the path): one parser.
    Double limit = ContainerSource.read(files, null).cpuLimit();
    if (cpus == 0 || limit == null || limit >= cpus) {
      return Optional.empty();
    }
    return Optional.of(new Warning(CPU_LIMIT, String.format(Locale.ROOT,
        "container CPU limit %.2f is below the %d logical CPUs: threads beyond it are throttled", limit, cpus)));
  }

  /** A known shared CI runner: noisy neighbours, variable CPUs. */
  public static Optional<Warning> sharedCiRunner(Map<String, String> env) {
    String runnerEnv = env.getOrDefault("RUNNER_ENVIRONMENT", "");
    boolean actions = "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    if (runnerEnv.equals("github-hosted") || (actions && !runnerEnv.equals("self-hosted"))) {
      return Optional.of(new Warning(SHARED_CI,
          "GitHub-hosted Actions runner: shared, noisy hardware; use for smoke tests, not comparisons"));
    }
    return Optional.empty();
  }

  /** A laptop on battery: power management throttles. */
  static Optional<Warning> battery(HostFiles files) {
    List<PowerSupply> supplies = PowerSupply.readAll(files);
    boolean hasMains = supplies.stream().anyMatch(PowerSupply::isMains);
    boolean mainsOnline = supplies.stream().anyMatch(s -> s.isMains() && s.online());
    boolean discharging = supplies.stream().anyMatch(PowerSupply::isDischargingBattery);
    if (discharging || (hasMains && !mainsOnline)) {
      return Optional.of(new Warning(BATTERY, "running on battery power: the CPU may be throttled"));
    }
    return Optional.empty();
  }

  /**
   * Forks run with other performance flags ({@code -X...}) than the JVM the fingerprint records:
   * the user's {@code --jvm-args} versus {@code host.jvm.arguments}.
   */
  public static Optional<Warning> forkJvmFlags(List<String> recorded, List<String> forks) {
    List<String> a = recorded == null ? List.of() : recorded.stream().filter(s -> s.startsWith("-X")).sorted().toList();
    List<String> b = forks.stream().filter(s -> s.startsWith("-X")).sorted().toList();
    if (a.equals(b)) {
      return Optional.empty();
    }
    return Optional.of(new Warning(FORK_JVM_FLAGS, "benchmark JVMs ran with flags " + b
        + " but the recorded JVM (host.jvm.arguments) has " + a));
  }
}
