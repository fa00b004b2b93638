package dev.archbench.harness.fingerprint;

import dev.archbench.harness.fingerprint.parse.CpuFeatures;
import dev.archbench.harness.fingerprint.parse.CpuInfo;
import dev.archbench.harness.fingerprint.parse.Microarchitectures;
import dev.archbench.harness.fingerprint.parse.Sizes;
import dev.archbench.record.Host;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CPU from procfs and sysfs: identity from {@code /proc/cpuinfo}, topology from
 * {@code devices/system/cpu/cpuN/topology} (falling back to cpuinfo's package/core ids), caches from
 * {@code cpu0/cache/index*}, maximum frequency from cpufreq, NUMA nodes from {@code devices/system/node};
 * and each CPU's cpufreq governor, for the run's warnings.
 */
public final class CpuSource {
  private static final Pattern CPU_DIR = Pattern.compile("cpu\\d+");
  private static final Pattern NODE_DIR = Pattern.compile("node\\d+");

  private CpuSource() {}

  /** {@code x86_64} or {@code aarch64} as cpuinfo shows it, or {@code null} when it cannot tell. */
  public static String arch(CpuInfo info) {
    if (info.vendorId() != null) {
      return "x86_64";
    }
    return info.implementer() != null ? "aarch64" : null;
  }

  public static Host.Cpu read(HostFiles files, CpuInfo info, String arch, boolean onEc2) {
    Topology topo = topology(files, info, arch);
    Integer logical = nullIfZero(info.processors());
    if (logical == null) {
      logical = nullIfZero(files.onlineCpus().size());
    }
    Integer threadsPerCore = topo.maxThreadsPerCore;
    Path cpus = files.paths().cpus();
    Long maxKhz = parseLong(files.text(cpus.resolve("cpu0/cpufreq/cpuinfo_max_freq"))
        .or(() -> files.text(cpus.resolve("cpufreq/policy0/cpuinfo_max_freq"))).orElse(null));
    int nodes = (int) files.names(files.paths().numaNodes()).stream().filter(n -> NODE_DIR.matcher(n).matches()).count();

    String vendor;
    String model;
    String micro;
    Integer gravitonGeneration = null;
    if ("aarch64".equals(arch)) {
      Integer impl = CpuInfo.intOrNull(info.implementer());
      Microarchitectures.ArmPart part = Microarchitectures.armPart(impl, CpuInfo.intOrNull(info.part()));
      vendor = Microarchitectures.armVendor(impl);
      micro = part == null ? null : part.core();
      if (onEc2 && part != null && part.gravitonGeneration() != null) {
        gravitonGeneration = part.gravitonGeneration();
      }
      model = info.modelName() != null ? info.modelName()
          : gravitonGeneration != null ? "AWS Graviton" + gravitonGeneration : micro;
    } else {
      vendor = info.vendorId();
      model = info.modelName() == null ? null : info.modelName().replaceAll("\\s+", " ").strip();
      micro = Microarchitectures.x86(info.vendorId(), info.family(), info.model(), info.stepping());
    }
    boolean x86 = "x86_64".equals(arch);
    boolean arm = "aarch64".equals(arch);
    return new Host.Cpu(
        vendor, model, micro,
        x86 ? info.family() : null, x86 ? info.model() : null, x86 ? info.stepping() : null,
        arm ? info.implementer() : null, arm ? info.part() : null,
        gravitonGeneration,
        topo.sockets, topo.physicalCores, logical, threadsPerCore,
        nodes == 0 ? null : nodes,
        caches(files),
        maxKhz == null || maxKhz <= 0 ? null : maxKhz * 1000,
        CpuFeatures.select(arch, info.flags()));
  }

  private record Topology(Integer sockets, Integer physicalCores, Integer maxThreadsPerCore) {}

  private static Topology topology(HostFiles files, CpuInfo info, String arch) {
    Set<String> packages = new HashSet<>();
    Map<String, Integer> cores = new HashMap<>();
    for (String cpu : cpuDirs(files)) {
      String pkg = cpuFile(files, cpu, "topology/physical_package_id").orElse(null);
      String core = cpuFile(files, cpu, "topology/core_id").orElse(null);
      if (pkg == null || core == null) {
        packages.clear();
        cores.clear();
        break; // partial topology is worse than none: use cpuinfo
      }
      packages.add(pkg);
      cores.merge(pkg + "/" + core, 1, Integer::sum);
    }
    if (!cores.isEmpty()) {
      return new Topology(packages.size(), cores.size(), cores.values().stream().max(Integer::compare).orElse(null));
    }
    if (info.physicalCores() != null) {
      return new Topology(info.sockets(), info.physicalCores(), info.maxThreadsPerCore());
    }
    // arm64 cpuinfo has no core ids; none of the cores we can name runs two threads per core.
    boolean knownArmCore = "aarch64".equals(arch) && Microarchitectures.armPart(
        CpuInfo.intOrNull(info.implementer()), CpuInfo.intOrNull(info.part())) != null;
    boolean known = knownArmCore && info.processors() > 0;
    return new Topology(null, known ? info.processors() : null, known ? 1 : null);
  }

  /** The cpufreq governor of each CPU that has one, in the order of their names. */
  public static List<String> scalingGovernors(HostFiles files) {
    return cpuDirs(files).stream().map(cpu -> cpuFile(files, cpu, "cpufreq/scaling_governor"))
        .flatMap(Optional::stream).toList();
  }

  private static List<String> cpuDirs(HostFiles files) {
    return files.names(files.paths().cpus()).stream().filter(n -> CPU_DIR.matcher(n).matches()).toList();
  }

  /** A file of one CPU's directory, e.g. {@code topology/core_id} of {@code cpu3}. */
  private static Optional<String> cpuFile(HostFiles files, String cpu, String file) {
    return files.text(files.paths().cpus().resolve(cpu).resolve(file));
  }

  /** l1d/l1i/l2 of cpu0 (per core); l3 summed over the distinct L3 instances of cpu0's package. */
  static Host.CacheBytes caches(HostFiles files) {
    Long l1d = null;
    Long l1i = null;
    Long l2 = null;
    Long l3 = null;
    String l3Index = null;
    for (String idx : files.names(files.paths().cpus().resolve("cpu0/cache"))) {
      if (!idx.startsWith("index")) {
        continue;
      }
      String base = "cache/" + idx + "/";
      String level = cpuFile(files, "cpu0", base + "level").orElse("");
      String type = cpuFile(files, "cpu0", base + "type").orElse("").toLowerCase(Locale.ROOT);
      Long size = Sizes.cacheSize(cpuFile(files, "cpu0", base + "size").orElse(null));
      switch (level) {
        case "1" -> {
          if (type.equals("data")) {
            l1d = size;
          } else if (type.equals("instruction")) {
            l1i = size;
          }
        }
        case "2" -> l2 = size;
        case "3" -> {
          l3 = size;
          l3Index = idx;
        }
        default -> { }
      }
    }
    if (l3 != null) {
      l3 = l3 * l3Instances(files, l3Index);
    }
    if (l1d == null && l1i == null && l2 == null && l3 == null) {
      return null;
    }
    return new Host.CacheBytes(l1d, l1i, l2, l3);
  }

  /** Distinct L3 sharing sets among the CPUs of cpu0's package that expose them (at least one). */
  private static int l3Instances(HostFiles files, String index) {
    String pkg0 = cpuFile(files, "cpu0", "topology/physical_package_id").orElse(null);
    Set<String> sets = new HashSet<>();
    for (String cpu : cpuDirs(files)) {
      String pkg = cpuFile(files, cpu, "topology/physical_package_id").orElse(null);
      if (pkg0 != null && !pkg0.equals(pkg)) {
        continue;
      }
      cpuFile(files, cpu, "cache/" + index + "/shared_cpu_list").ifPresent(sets::add);
    }
    return Math.max(1, sets.size());
  }

  private static Integer nullIfZero(int v) {
    return v == 0 ? null : v;
  }

  private static Long parseLong(String s) {
    try {
      return s == null ? null : Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
