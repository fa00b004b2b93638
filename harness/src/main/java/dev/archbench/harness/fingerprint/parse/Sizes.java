package dev.archbench.harness.fingerprint.parse;

import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/** Small pure parsers for sysfs value formats. */
public final class Sizes {
  private Sizes() {}

  /** A sysfs cache size such as {@code 32K}, {@code 1024K}, {@code 2M}; {@code null} when unparsable. */
  public static Long cacheSize(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip().toUpperCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("K")) {
      mult = 1L << 10;
    } else if (t.endsWith("M")) {
      mult = 1L << 20;
    } else if (t.endsWith("G")) {
      mult = 1L << 30;
    }
    if (mult != 1) {
      t = t.substring(0, t.length() - 1);
    }
    try {
      long v = Long.parseLong(t.strip());
      return v < 0 ? null : v * mult;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A kernel CPU list such as {@code 0-3,8,10-11}; empty on malformed input. */
  public static SortedSet<Integer> cpuList(String s) {
    SortedSet<Integer> out = new TreeSet<>();
    if (s == null) {
      return out;
    }
    try {
      for (String part : s.strip().split(",")) {
        if (part.isBlank()) {
          continue;
        }
        int dash = part.indexOf('-');
        int from = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
        int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
        for (int i = from; i <= to && i - from < 65536; i++) {
          out.add(i);
        }
      }
    } catch (NumberFormatException e) {
      return new TreeSet<>();
    }
    return out;
  }

  /** {@code MemTotal} of {@code /proc/meminfo} in bytes, or {@code null}. */
  public static Long memTotal(String meminfo) {
    if (meminfo == null) {
      return null;
    }
    for (String line : meminfo.split("\n")) {
      if (line.startsWith("MemTotal:")) {
        String[] parts = line.substring("MemTotal:".length()).strip().split("\\s+");
        try {
          long v = Long.parseLong(parts[0]);
          boolean kb = parts.length > 1 && parts[1].equalsIgnoreCase("kB");
          return kb ? v * 1024 : v;
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }
}
