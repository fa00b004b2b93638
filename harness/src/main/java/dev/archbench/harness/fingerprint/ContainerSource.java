package dev.archbench.harness.fingerprint;

import dev.archbench.harness.fingerprint.parse.CgroupLimits;
import dev.archbench.record.Host;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * cgroup CPU and memory limits of this process: v2 ({@code cpu.max}, {@code memory.max}) when the
 * unified hierarchy is at {@code fs/cgroup}, else v1 ({@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us},
 * {@code memory.limit_in_bytes}). The process's cgroup comes from {@code /proc/self/cgroup}; limits of
 * its ancestors apply too, so the smallest along the path wins. With a cgroup namespace the path is
 * {@code /} and the files sit at the mount point.
 */
public final class ContainerSource {
  private ContainerSource() {}

  public static Host.Container read(HostFiles files, Long physicalMemory) {
    String self = files.selfCgroup();
    Path cg = files.paths().cgroups();
    if (files.text(cg.resolve("cgroup.controllers")).isPresent()) {
      String path = v2Path(self);
      OptionalDouble cpu = minDouble(dirs(cg, path).stream()
          .map(d -> CgroupLimits.cpuMax(files.text(d.resolve("cpu.max")).orElse(null))).toList());
      OptionalLong mem = minLong(dirs(cg, path).stream()
          .map(d -> CgroupLimits.memory(files.text(d.resolve("memory.max")).orElse(null), physicalMemory)).toList());
      return container(cpu, mem);
    }
    Path cpuMount = firstExisting(files, cg.resolve("cpu,cpuacct"), cg.resolve("cpu"), cg.resolve("cpuacct,cpu"));
    Path memMount = firstExisting(files, cg.resolve("memory"));
    OptionalDouble cpu = cpuMount == null ? OptionalDouble.empty()
        : minDouble(dirs(cpuMount, v1Path(self, "cpu")).stream()
            .map(d -> CgroupLimits.quota(files.text(d.resolve("cpu.cfs_quota_us")).orElse(null),
                files.text(d.resolve("cpu.cfs_period_us")).orElse(null))).toList());
    OptionalLong mem = memMount == null ? OptionalLong.empty()
        : minLong(dirs(memMount, v1Path(self, "memory")).stream()
            .map(d -> CgroupLimits.memory(files.text(d.resolve("memory.limit_in_bytes")).orElse(null), physicalMemory))
            .toList());
    return container(cpu, mem);
  }

  /**
   * The CPU request this process's own cgroup carries (its CPU weight, see
   * {@link CgroupLimits#weightRequest}, {@link CgroupLimits#sharesRequest}): meaningful only where an
   * orchestrator set it from a request, so only a Kubernetes pod reads it.
   */
  public static OptionalDouble cpuRequest(HostFiles files) {
    String self = files.selfCgroup();
    Path cg = files.paths().cgroups();
    if (files.text(cg.resolve("cgroup.controllers")).isPresent()) {
      List<Path> path = dirs(cg, v2Path(self));
      return CgroupLimits.weightRequest(files.text(path.get(path.size() - 1).resolve("cpu.weight")).orElse(null));
    }
    Path cpuMount = firstExisting(files, cg.resolve("cpu,cpuacct"), cg.resolve("cpu"), cg.resolve("cpuacct,cpu"));
    if (cpuMount == null) {
      return OptionalDouble.empty();
    }
    List<Path> path = dirs(cpuMount, v1Path(self, "cpu"));
    return CgroupLimits.sharesRequest(files.text(path.get(path.size() - 1).resolve("cpu.shares")).orElse(null));
  }

  private static Host.Container container(OptionalDouble cpu, OptionalLong mem) {
    return new Host.Container(cpu.isPresent() ? cpu.getAsDouble() : null, mem.isPresent() ? mem.getAsLong() : null);
  }

  /** The v2 path: the {@code 0::/path} line. */
  static String v2Path(String procSelfCgroup) {
    for (String line : procSelfCgroup.split("\n")) {
      if (line.startsWith("0::")) {
        return line.substring(3).strip();
      }
    }
    return "/";
  }

  /** The v1 path of the hierarchy whose controller list contains {@code controller}. */
  static String v1Path(String procSelfCgroup, String controller) {
    for (String line : procSelfCgroup.split("\n")) {
      String[] parts = line.split(":", 3);
      if (parts.length == 3 && List.of(parts[1].split(",")).contains(controller)) {
        return parts[2].strip();
      }
    }
    return "/";
  }

  /** The mount point, then each directory from the cgroup path's root down to it. */
  private static List<Path> dirs(Path mount, String path) {
    List<Path> out = new ArrayList<>();
    out.add(mount);
    Path cur = mount;
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals("..") || seg.equals(".")) {
        continue;
      }
      cur = cur.resolve(seg);
      out.add(cur);
    }
    return out;
  }

  private static Path firstExisting(HostFiles files, Path... dirs) {
    for (Path d : dirs) {
      if (!files.names(d).isEmpty()) {
        return d;
      }
    }
    return null;
  }

  private static OptionalDouble minDouble(List<OptionalDouble> values) {
    return values.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).min();
  }

  private static OptionalLong minLong(List<OptionalLong> values) {
    return values.stream().filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
  }
}
