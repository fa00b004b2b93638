package dev.archbench.workloads.inference.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The benchmark process's resident set (from /proc) and Java heap in use. */
public final class ProcessStats {
  private ProcessStats() {}

  /** VmRSS in bytes parsed from a /proc/self/status text, or empty. */
  public static OptionalLong rssBytes(String procStatus) {
    for (String line : procStatus.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        return OptionalLong.of(Long.parseLong(parts[0]) * 1024L);
      }
    }
    return OptionalLong.empty();
  }

  public static OptionalLong rssBytes() {
    try {
      return rssBytes(Files.readString(Path.of("/proc/self/status")));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  public static long heapUsedBytes() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
