package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * The load generator's side of a two-host run: the record's {@code host} is the server (the system
 * under test, which its agent described), and this is where the load came from and the network
 * between them. Absent from records whose generator ran on the server's host.
 *
 * @param server the URL the generator drove (the server, or {@code --target})
 * @param agent the URL of the server's agent that gave the server's fingerprint and CPU time
 * @param serverCpu what the server's CPU time covers, as its agent read it
 * @param host the load generator's fingerprint
 * @param serverNetwork the server's network interfaces as its kernel shows them
 * @param network the load generator's network interfaces
 */
public record LoadHost(String server, String agent, ServerCpu serverCpu, Host host, Network serverNetwork,
    Network network) {

  /** What the server's CPU time (the result's {@code cpu.serverCores}) covers. */
  public enum ServerCpu {
    /** The JVM of {@code archbench serve}: the server itself, its GC and JIT. */
    PROCESS("process"),
    /** {@code archbench agent --pid PID}: that process and its descendants, from {@code /proc}. */
    PROCESS_TREE("process-tree"),
    /** {@code archbench agent} without {@code --pid}: every process on the server's host ({@code /proc/stat}). */
    HOST("host");

    private final String id;

    ServerCpu(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

  /**
   * A host's network path as its kernel shows it ({@code /sys/class/net}, {@code /sys/class/infiniband}).
   *
   * @param interfaces the physical interfaces (those with a device), by name
   * @param efa whether an Elastic Fabric Adapter is present ({@code /sys/class/infiniband/efa*})
   * @param bandwidth the instance type's network performance class as AWS names it ("Up to 12.5
   *     Gigabit"); null when not known (the price catalog does not carry it; the fleet launcher
   *     passes it in {@code ARCHBENCH_NETWORK_PERFORMANCE} from {@code describe-instance-types})
   */
  public record Network(List<Interface> interfaces, boolean efa, String bandwidth) {

    public Network {
      interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
    }

    /** Nothing known: a host whose {@code /sys} could not be read. */
    public static final Network UNKNOWN = new Network(List.of(), false, null);
  }

  /**
   * One network interface.
   *
   * @param name e.g. {@code ens5}
   * @param driver the kernel driver, e.g. {@code ena}, {@code virtio_net}, {@code veth}
   * @param driverVersion the driver module's version ({@code /sys/module/DRIVER/version}); null for a
   *     driver built into the kernel without one (the kernel's version then stands for it)
   * @param speedMbps the link speed the driver reports; null when it reports none
   * @param mtu bytes
   */
  public record Interface(String name, String driver, String driverVersion, Integer speedMbps, Integer mtu) {}
}
