package dev.archbench.harness.fingerprint;

import java.nio.file.Path;

/**
 * Where the host's {@code /sys}, {@code /proc}, {@code /dev} and {@code /etc} are: the real ones, a
 * host mounted into a container, or a fixture tree in tests (like node_exporter's
 * {@code --path.sysfs}). {@code etc} only provides {@code os-release}; {@code opt} only the
 * accelerator frameworks' Python environments (the Neuron and GPU Deep Learning AMIs install them there).
 * The files read below them are named in {@link HostPaths}.
 */
public record HostRoots(Path sysfs, Path procfs, Path devfs, Path etc, Path opt) {
  private static final HostRoots SYSTEM =
      new HostRoots(Path.of("/sys"), Path.of("/proc"), Path.of("/dev"), Path.of("/etc"), Path.of("/opt"));

  /** The three kernel roots with the system's {@code /etc} and {@code /opt}. */
  public HostRoots(Path sysfs, Path procfs, Path devfs) {
    this(sysfs, procfs, devfs, Path.of("/etc"));
  }

  /** The kernel roots and {@code etc} with the system's {@code /opt}. */
  public HostRoots(Path sysfs, Path procfs, Path devfs, Path etc) {
    this(sysfs, procfs, devfs, etc, Path.of("/opt"));
  }

  public static HostRoots system() {
    return SYSTEM;
  }

  /** A fixture tree with {@code sys/}, {@code proc/}, {@code dev/}, {@code etc/} and {@code opt/} below {@code root}. */
  public static HostRoots under(Path root) {
    return new HostRoots(root.resolve("sys"), root.resolve("proc"), root.resolve("dev"), root.resolve("etc"),
        root.resolve("opt"));
  }

  /** True when these are the running machine's own roots (so the live JVM and tools describe the same host). */
  public boolean isSystem() {
    return equals(SYSTEM);
  }
}
