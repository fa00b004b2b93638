package dev.archbench.harness.fingerprint;

import java.nio.file.Path;

/**
 * Where the host's {@code /sys}, {@code /proc} and {@code /dev} are: the real ones, a host mounted
 * into a container, or a fixture tree in tests (like node_exporter's {@code --path.sysfs}).
 */
public record HostRoots(Path sysfs, Path procfs, Path devfs) {
  public static HostRoots system() {
    return new HostRoots(Path.of("/sys"), Path.of("/proc"), Path.of("/dev"));
  }

  /** A fixture tree with {@code sys/}, {@code proc/} and {@code dev/} below {@code root}. */
  public static HostRoots under(Path root) {
    return new HostRoots(root.resolve("sys"), root.resolve("proc"), root.resolve("dev"));
  }
}
