package dev.archbench.harness.fingerprint.parse;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pure parsers for the one-line kernel files that no other parser reads. */
public final class KernelValues {
  private static final Pattern NVIDIA_DRIVER_VERSION =
      Pattern.compile("Kernel Module(?: for [^ ]+)?\\s+([0-9][0-9.]*)");

  private KernelValues() {}

  /** The one-minute load average: the first field of {@code /proc/loadavg}; empty when unparsable. */
  public static OptionalDouble loadAverage(String loadavg) {
    if (loadavg == null) {
      return OptionalDouble.empty();
    }
    try {
      double load = Double.parseDouble(loadavg.strip().split("\\s+")[0]);
      return Double.isFinite(load) ? OptionalDouble.of(load) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The selected choice of a sysfs choice file: {@code madvise} of {@code always [madvise] never}. */
  public static Optional<String> selected(String choices) {
    if (choices == null) {
      return Optional.empty();
    }
    int a = choices.indexOf('[');
    int b = choices.indexOf(']');
    return a >= 0 && b > a ? Optional.of(choices.substring(a + 1, b)) : Optional.empty();
  }

  /**
   * The loaded NVIDIA driver's version from {@code /proc/driver/nvidia/version}:
   * {@code NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.104.05  Sat Aug 19 ...} → {@code 535.104.05}.
   */
  public static String nvidiaDriverVersion(String procVersion) {
    Matcher m = NVIDIA_DRIVER_VERSION.matcher(procVersion);
    return m.find() ? m.group(1) : null;
  }
}
