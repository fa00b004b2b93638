package dev.archbench.harness.runner;

import dev.archbench.harness.fingerprint.ContainerSource;
import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.stats.Noise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Conditions on the host that make numbers less comparable, detected at the start of a run from
 * files under {@link HostRoots} and the environment (pure functions, fixture-tested). A missing file
 * means "cannot tell" and never warns.
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
    List<Warning> out = new ArrayList<>();
    governor(roots).ifPresent(out::add);
    transparentHugePages(roots).ifPresent(out::add);
    loadAverage(roots).ifPresent(out::add);
    containerCpuLimit(roots).ifPresent(out::add);
    sharedCiRunner(env).ifPresent(out::add);
    battery(roots).ifPresent(out::add);
    return out;
  }

  /** Any CPU whose cpufreq governor is not {@code performance}: clocks ramp during the run. */
  static Optional<Warning> governor(HostRoots roots) {
    Path cpus = roots.sysfs().resolve("devices/system/cpu");
    TreeSet<String> others = new TreeSet<>();
    try (var dirs = Files.list(cpus)) {
      dirs.filter(d -> d.getFileName().toString().matches("cpu\\d+"))
          .map(d -> read(d.resolve("cpufreq/scaling_governor")))
          .flatMap(Optional::stream)
          .filter(g -> !g.equals("performance"))
          .forEach(others::add);
    } catch (IOException e) {
      return Optional.empty();
    }
    return others.isEmpty() ? Optional.empty() : Optional.of(new Warning(GOVERNOR,
        "CPU frequency governor is " + String.join(", ", others)
            + ", not performance: clock speed may change during the run"));
  }

  /** THP other than the common {@code madvise} changes memory-bound results. */
  static Optional<Warning> transparentHugePages(HostRoots roots) {
    return read(roots.sysfs().resolve("kernel/mm/transparent_hugepage/enabled"))
        .flatMap(HostWarnings::bracketed)
        .filter(v -> !v.equals("madvise"))
        .map(v -> new Warning(THP, "transparent huge pages: " + v
            + " (most EC2 AMIs use madvise; memory-heavy results depend on it)"));
  }

  /** Other work on the machine at the start. */
  static Optional<Warning> loadAverage(HostRoots roots) {
    return read(roots.procfs().resolve("loadavg")).flatMap(s -> {
      try {
        double load = Double.parseDouble(s.split("\\s+")[0]);
        return load > 0.5 ? Optional.of(new Warning(LOAD, String.format(Locale.ROOT,
            "load average %.2f at start (above 0.5): other work competes for the CPUs", load)))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    });
  }

  /** A cgroup CPU quota below the CPUs the kernel shows: threads get throttled. */
  static Optional<Warning> containerCpuLimit(HostRoots roots) {
    Optional<Integer> cpus;
    try {
      cpus = read(roots.sysfs().resolve("devices/system/cpu/online")).map(HostWarnings::countCpus);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    // The fingerprint's reading of cgroups (v2 or v1, smallest limit along the path): one parser.
    Double limit = ContainerSource.read(new HostFiles(roots), null).cpuLimit();
    if (cpus.isEmpty() || limit == null || limit >= cpus.get()) {
      return Optional.empty();
    }
    return Optional.of(new Warning(CPU_LIMIT, String.format(Locale.ROOT,
        "container CPU limit %.2f is below the %d logical CPUs: threads beyond it are throttled",
        limit, cpus.get())));
  }

  /** A known shared CI runner: noisy neighbours, variable CPUs. */
  static Optional<Warning> sharedCiRunner(Map<String, String> env) {
    String runnerEnv = env.getOrDefault("RUNNER_ENVIRONMENT", "");
    boolean actions = "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", ""));
    if (runnerEnv.equals("github-hosted") || (actions && !runnerEnv.equals("self-hosted"))) {
      return Optional.of(new Warning(SHARED_CI,
          "GitHub-hosted Actions runner: shared, noisy hardware; use for smoke tests, not comparisons"));
    }
    return Optional.empty();
  }

  /** A laptop on battery: power management throttles. */
  static Optional<Warning> battery(HostRoots roots) {
    Path supplies = roots.sysfs().resolve("class/power_supply");
    boolean mainsOnline = false;
    boolean hasMains = false;
    boolean discharging = false;
    try (var dirs = Files.list(supplies)) {
      for (Path d : dirs.sorted().toList()) {
        String type = read(d.resolve("type")).orElse("");
        if (type.equals("Mains")) {
          hasMains = true;
          mainsOnline |= read(d.resolve("online")).orElse("0").equals("1");
        } else if (type.equals("Battery")) {
          discharging |= read(d.resolve("status")).orElse("").equals("Discharging");
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    if (discharging || (hasMains && !mainsOnline)) {
      return Optional.of(new Warning(BATTERY, "running on battery power: the CPU may be throttled"));
    }
    return Optional.empty();
  }

  /** Counts CPUs in a kernel list such as {@code 0-3,6,8-9}. */
  static int countCpus(String list) {
    int n = 0;
    for (String part : list.trim().split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] r = part.split("-");
      n += r.length == 1 ? 1 : Integer.parseInt(r[1].trim()) - Integer.parseInt(r[0].trim()) + 1;
    }
    return n;
  }

  /** The selected value in {@code always [madvise] never}. */
  static Optional<String> bracketed(String s) {
    int a = s.indexOf('[');
    int b = s.indexOf(']');
    return a >= 0 && b > a ? Optional.of(s.substring(a + 1, b)) : Optional.empty();
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

  private static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8).trim());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
