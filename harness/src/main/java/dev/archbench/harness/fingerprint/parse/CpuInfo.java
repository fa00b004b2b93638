package dev.archbench.harness.fingerprint.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /proc/cpuinfo} says, parsed from its text. x86 fills vendor/model name/family/model/
 * stepping and the package/core ids; arm64 fills implementer/part/variant/revision. Absent values
 * are {@code null}.
 *
 * @param processors number of {@code processor} entries (online logical CPUs)
 * @param physicalCores distinct (physical id, core id) pairs, or {@code null} when cpuinfo has none (arm64)
 * @param sockets distinct physical ids, or {@code null}
 * @param maxThreadsPerCore most processors sharing one (physical id, core id), or {@code null} (hybrid
 *     CPUs mix 2-thread and 1-thread cores, so this is a maximum, as lscpu reports it)
 * @param flags x86 {@code flags} or arm64 {@code Features} of the first processor
 */
public record CpuInfo(
    int processors,
    String vendorId,
    String modelName,
    Integer family,
    Integer model,
    Integer stepping,
    String implementer,
    String part,
    String variant,
    String revision,
    Integer physicalCores,
    Integer sockets,
    Integer maxThreadsPerCore,
    Set<String> flags) {

  public static final CpuInfo EMPTY =
      new CpuInfo(0, null, null, null, null, null, null, null, null, null, null, null, null, Set.of());

  public static CpuInfo parse(String text) {
    List<Map<String, String>> blocks = blocks(text);
    List<Map<String, String>> procs = blocks.stream().filter(b -> b.containsKey("processor")).toList();
    if (procs.isEmpty()) {
      return EMPTY;
    }
    Map<String, String> first = procs.get(0);
    Map<String, Integer> cores = new LinkedHashMap<>();
    Set<String> packages = new LinkedHashSet<>();
    for (Map<String, String> p : procs) {
      String pkg = p.get("physical id");
      String core = p.get("core id");
      if (pkg != null) {
        packages.add(pkg);
      }
      if (core != null) {
        cores.merge((pkg == null ? "0" : pkg) + "/" + core, 1, Integer::sum);
      }
    }
    String flags = first.containsKey("flags") ? first.get("flags") : first.getOrDefault("Features", "");
    Set<String> flagSet = new LinkedHashSet<>();
    for (String f : flags.trim().split("\\s+")) {
      if (!f.isEmpty()) {
        flagSet.add(f);
      }
    }
    return new CpuInfo(
        procs.size(),
        first.get("vendor_id"),
        first.get("model name"),
        intOrNull(first.get("cpu family")),
        intOrNull(first.get("model")),
        intOrNull(first.get("stepping")),
        lowerOrNull(first.get("CPU implementer")),
        lowerOrNull(first.get("CPU part")),
        lowerOrNull(first.get("CPU variant")),
        first.get("CPU revision"),
        cores.isEmpty() ? null : cores.size(),
        packages.isEmpty() ? null : packages.size(),
        cores.values().stream().max(Integer::compare).orElse(null),
        Set.copyOf(flagSet));
  }

  /** Blank-line separated blocks of {@code key : value} lines. */
  private static List<Map<String, String>> blocks(String text) {
    List<Map<String, String>> out = new ArrayList<>();
    Map<String, String> cur = new LinkedHashMap<>();
    for (String line : text.split("\n", -1)) {
      if (line.isBlank()) {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new LinkedHashMap<>();
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0) {
        cur.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** Decimal, or hex with {@code 0x}; {@code null} when absent or not a number. */
  public static Integer intOrNull(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      String t = s.strip().toLowerCase(java.util.Locale.ROOT);
      return t.startsWith("0x") ? Integer.parseInt(t.substring(2), 16) : Integer.parseInt(t);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String lowerOrNull(String s) {
    return s == null || s.isBlank() ? null : s.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
