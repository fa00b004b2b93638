package dev.archbench.workloads.web.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * How busy the load generator's process is, as a share of the CPUs it may use: on a load host of its
 * own, a generator above about half of its CPUs delays its own sends and reads, and those delays show
 * up as the server's latency (AWS's Graviton performance runbook keeps its generator under 50%).
 *
 * <p>Busy is CPU time (this JVM, from the OS) plus time its threads waited for a CPU while runnable
 * ({@code /proc/self/task/TID/schedstat}, second field): a generator that shares its CPU with a busy
 * neighbour, or whose cgroup quota is spent, uses little CPU but waits, and counts as busy. The CPUs
 * it may use are the fewer of the JVM's available processors (affinity) and the cgroup's CPU quota
 * ({@code cpu.max}, or {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us} in cgroup v1), which the
 * JVM rounds up to whole CPUs.
 */
public final class GeneratorCpu {
  /** A reading: CPU and run-queue wait so far, and when. */
  public record Sample(long cpuNanos, long waitNanos, long wallNanos) {}

  private final Path proc;
  private final double cpus;

  GeneratorCpu(Path proc, double cpus) {
    this.proc = proc;
    this.cpus = cpus;
  }

  /** This process, with the CPUs it may use now. */
  public static GeneratorCpu ofThisProcess() {
    Path proc = Path.of("/proc");
    String cgroup = read(proc.resolve("self/cgroup")).orElse("");
    Path root = Path.of("/sys/fs/cgroup");
    OptionalDouble quota = quotaCpus(cgroup, rel -> read(root.resolve(rel)));
    double cpus = Runtime.getRuntime().availableProcessors();
    return new GeneratorCpu(proc, quota.isPresent() ? Math.min(cpus, quota.getAsDouble()) : cpus);
  }

  /** The CPUs this generator may use (a fraction under a cgroup quota). */
  public double cpus() {
    return cpus;
  }

  public Sample sample() {
    long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : 0;
    long wait = 0;
    try (var tasks = Files.list(proc.resolve("self/task"))) {
      for (Path t : tasks.toList()) {
        wait += read(t.resolve("schedstat")).map(GeneratorCpu::runDelayNanos).orElse(0L);
      }
    } catch (IOException e) {
      // no procfs: CPU time alone
    }
    return new Sample(Math.max(0, cpu), wait, System.nanoTime());
  }

  /** The share of its CPUs the generator was busy between two samples (1 = all of them). */
  public double busy(Sample a, Sample b) {
    double wall = Math.max(1, b.wallNanos() - a.wallNanos());
    double used = Math.max(0, b.cpuNanos() - a.cpuNanos()) + Math.max(0, b.waitNanos() - a.waitNanos());
    return used / wall / cpus;
  }

  /** {@code schedstat}: "time on CPU, time waiting on a run queue, timeslices", nanoseconds. */
  static long runDelayNanos(String schedstat) {
    String[] f = schedstat.trim().split("\\s+");
    try {
      return f.length >= 2 ? Long.parseLong(f[1]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The CPU quota of this process's cgroup and its ancestors, the tightest, in CPUs; empty when none.
   *
   * @param procSelfCgroup {@code /proc/self/cgroup}
   * @param underCgroupRoot reads a file below {@code /sys/fs/cgroup} by relative path
   */
  static OptionalDouble quotaCpus(String procSelfCgroup, Function<String, Optional<String>> underCgroupRoot) {
    double best = Double.POSITIVE_INFINITY;
    for (String line : procSelfCgroup.split("\n")) {
      String[] f = line.trim().split(":", 3);
      if (f.length < 3) {
        continue;
      }
      List<String> dirs = new ArrayList<>();
      if (f[0].equals("0") && f[1].isEmpty()) {
        dirs.add(""); // cgroup v2: one hierarchy
      } else if (List.of(f[1].split(",")).contains("cpu")) {
        dirs.add(f[1] + "/"); // cgroup v1: mounted by its controller list, and often linked as cpu
        dirs.add("cpu/");
      } else {
        continue;
      }
      for (String base : dirs) {
        for (String p = f[2]; p != null; p = parent(p)) {
          String at = base + (p.equals("/") ? "" : p.substring(1) + "/");
          OptionalDouble q = f[0].equals("0") && f[1].isEmpty()
              ? underCgroupRoot.apply(at + "cpu.max").map(GeneratorCpu::cpuMax).orElse(OptionalDouble.empty())
              : v1(underCgroupRoot.apply(at + "cpu.cfs_quota_us"), underCgroupRoot.apply(at + "cpu.cfs_period_us"));
          if (q.isPresent()) {
            best = Math.min(best, q.getAsDouble());
          }
        }
      }
    }
    return best == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  /** cgroup v2 {@code cpu.max}: {@code max 100000} or {@code 20000 100000} (quota, period, µs). */
  static OptionalDouble cpuMax(String content) {
    String[] p = content.trim().split("\\s+");
    return p.length == 0 || p[0].equals("max") ? OptionalDouble.empty()
        : ratio(p[0], p.length > 1 ? p[1] : "100000");
  }

  private static OptionalDouble v1(Optional<String> quota, Optional<String> period) {
    return quota.isPresent() && period.isPresent() ? ratio(quota.get(), period.get()) : OptionalDouble.empty();
  }

  private static OptionalDouble ratio(String quota, String period) {
    try {
      long q = Long.parseLong(quota.trim());
      long p = Long.parseLong(period.trim());
      return q > 0 && p > 0 ? OptionalDouble.of((double) q / p) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static String parent(String p) {
    if (p.equals("/") || p.isEmpty()) {
      return null;
    }
    int i = p.lastIndexOf('/');
    return i <= 0 ? "/" : p.substring(0, i);
  }

  private static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}
