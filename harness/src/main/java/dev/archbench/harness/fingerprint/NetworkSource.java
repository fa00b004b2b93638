package dev.archbench.harness.fingerprint;

import dev.archbench.record.LoadHost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's network path for two-host runs, from sysfs: each interface's kernel driver (the link
 * {@code /sys/class/net/IF/device/driver}: {@code ena} on EC2's Nitro instances), the driver
 * module's version where it declares one, link speed and MTU; whether an Elastic Fabric Adapter is
 * present; and the instance type's bandwidth class when the launcher knows it
 * ({@value #BANDWIDTH_ENV}, from {@code aws ec2 describe-instance-types}). Interfaces with a device
 * are listed; a host with none (a network namespace on a veth pair) lists its virtual ones.
 */
public final class NetworkSource {
  /** The instance type's network performance class, as {@code describe-instance-types} names it. */
  public static final String BANDWIDTH_ENV = "ARCHBENCH_NETWORK_PERFORMANCE";

  private NetworkSource() {}

  public static LoadHost.Network collect(HostRoots roots, Map<String, String> env) {
    HostFiles files = new HostFiles(roots);
    HostPaths paths = files.paths();
    List<LoadHost.Interface> physical = new ArrayList<>();
    List<LoadHost.Interface> virtual = new ArrayList<>();
    for (String name : files.names(paths.netInterfaces())) {
      if (name.equals("lo")) {
        continue;
      }
      Path dir = paths.netInterfaces().resolve(name);
      Optional<String> driver = driver(dir);
      LoadHost.Interface i = new LoadHost.Interface(name, driver.orElse(virtualKind(name)),
          driver.flatMap(d -> files.text(paths.moduleVersion(d))).orElse(null),
          positive(files.text(dir.resolve("speed"))), positive(files.text(dir.resolve("mtu"))));
      (driver.isPresent() ? physical : virtual).add(i);
    }
    boolean efa = files.names(paths.infiniband()).stream().anyMatch(n -> n.startsWith("efa"));
    String bandwidth = env.get(BANDWIDTH_ENV);
    return new LoadHost.Network(physical.isEmpty() ? virtual : physical, efa,
        bandwidth == null || bandwidth.isBlank() ? null : bandwidth.strip());
  }

  private static Optional<String> driver(Path dir) {
    try {
      return Optional.of(dir.resolve("device/driver").toRealPath().getFileName().toString());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** A virtual interface has no driver link; its kind is what the name says, when it says. */
  private static String virtualKind(String name) {
    return name.startsWith("veth") ? "veth" : null;
  }

  /** sysfs answers -1 (or refuses to be read) for an unknown speed. */
  static Integer positive(Optional<String> v) {
    try {
      int n = v.isPresent() ? Integer.parseInt(v.get()) : -1;
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
