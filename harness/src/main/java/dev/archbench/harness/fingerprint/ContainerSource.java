package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
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
  private static final String CG = "fs/cgroup";

  private ContainerSource() {}

  public static Host.Container read(HostFiles files, Long physicalMemory) {
    String self = files.proc("self/cgroup").orElse("");
    if (files.sys(CG + "/cgroup.controllers").isPresent()) {
      String path = v2Path(self);
      OptionalDouble cpu = minDouble(dirs(CG, path).stream()
          .map(d -> CgroupLimits.cpuMax(files.sys(d + "/cpu.max").orElse(null))).toList());
      OptionalLong mem = minLong(dirs(CG, path).stream()
          .map(d -> CgroupLimits.memory(files.sys(d + "/memory.max").orElse(null), physicalMemory)).toList());
      return container(cpu, mem);
    }
    String cpuMount = firstExisting(files, CG + "/cpu,cpuacct", CG + "/cpu", CG + "/cpuacct,cpu");
    String memMount = firstExisting(files, CG + "/memory");
    OptionalDouble cpu = cpuMount == null ? OptionalDouble.empty()
        : minDouble(dirs(cpuMount, v1Path(self, "cpu")).stream()
            .map(d -> CgroupLimits.quota(files.sys(d + "/cpu.cfs_quota_us").orElse(null),
                files.sys(d + "/cpu.cfs_period_us").orElse(null))).toList());
    OptionalLong mem = memMount == null ? OptionalLong.empty()
        : minLong(dirs(memMount, v1Path(self, "memory")).stream()
            .map(d -> CgroupLimits.memory(files.sys(d + "/memory.limit_in_bytes").orElse(null), physicalMemory))
            .toList());
    return container(cpu, mem);
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
  private static List<String> dirs(String mount, String path) {
    List<String> out = new ArrayList<>();
    out.add(mount);
    String cur = mount;
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals("..") || seg.equals(".")) {
        continue;
      }
      cur = cur + "/" + seg;
      out.add(cur);
    }
    return out;
  }

  private static String firstExisting(HostFiles files, String... dirs) {
    for (String d : dirs) {
      if (!files.sysList(d).isEmpty()) {
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
