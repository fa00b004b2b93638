package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
import oshi.SystemInfo;
import oshi.software.os.OperatingSystem;

/**
 * OSHI, for the live host only and only to fill what our own sources left unknown (an image without
 * {@code /etc/os-release}, a procfs without meminfo). It reads the real {@code /proc} itself, so it
 * must never answer for a fixture or mounted tree.
 */
final class OshiSource {
  private OshiSource() {}

  static Host.Os fillOs(Host.Os os) {
    if (os.name() != null && os.version() != null && os.kernel() != null) {
      return os;
    }
    try {
      OperatingSystem o = new SystemInfo().getOperatingSystem();
      return new Host.Os(
          os.name() != null ? os.name() : known(o.getFamily()),
          os.version() != null ? os.version() : known(o.getVersionInfo().getVersion()),
          os.kernel() != null ? os.kernel() : known(o.getVersionInfo().getBuildNumber()));
    } catch (RuntimeException | LinkageError e) {
      return os; // OSHI unavailable on this platform: keep nulls
    }
  }

  static Long memory(Long known) {
    if (known != null) {
      return known;
    }
    try {
      long total = new SystemInfo().getHardware().getMemory().getTotal();
      return total > 0 ? total : null;
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  /** OSHI says "unknown" for unknown; we say null. */
  private static String known(String s) {
    return s == null || s.isBlank() || s.equalsIgnoreCase("unknown") ? null : s;
  }
}
