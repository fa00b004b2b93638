package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.LoadHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network path from a sysfs tree laid out as the kernel lays it out: an interface's
 * {@code device/driver} is a link into {@code /sys/bus/pci/drivers}, a module's version is a file,
 * an Elastic Fabric Adapter is an {@code efa_N} RDMA device.
 */
class NetworkSourceTest {
  @TempDir Path root;

  @Test
  void anEc2NitroInstanceWithEnaAndEfa() throws Exception {
    Path sys = root.resolve("sys");
    Path drivers = Files.createDirectories(sys.resolve("bus/pci/drivers/ena"));
    Path dev = Files.createDirectories(sys.resolve("devices/pci0000:00/0000:00:05.0"));
    Files.createSymbolicLink(dev.resolve("driver"), drivers);
    Path ens5 = Files.createDirectories(sys.resolve("class/net/ens5"));
    Files.createSymbolicLink(ens5.resolve("device"), dev);
    Files.writeString(ens5.resolve("mtu"), "9001\n");
    Files.writeString(ens5.resolve("speed"), "-1\n"); // ENA reports no link speed
    Files.createDirectories(sys.resolve("class/net/lo"));
    Files.createDirectories(sys.resolve("class/net/docker0"));
    Files.createDirectories(sys.resolve("module/ena"));
    Files.writeString(sys.resolve("module/ena/version"), "2.13.0g\n");
    Files.createDirectories(sys.resolve("class/infiniband/efa_0"));

    LoadHost.Network n = NetworkSource.collect(new HostRoots(sys, root.resolve("proc"), root.resolve("dev")),
        Map.of(NetworkSource.BANDWIDTH_ENV, "Up to 12.5 Gigabit"));
    assertThat(n.interfaces()).containsExactly(new LoadHost.Interface("ens5", "ena", "2.13.0g", null, 9001));
    assertThat(n.efa()).isTrue();
    assertThat(n.bandwidth()).isEqualTo("Up to 12.5 Gigabit");
  }

  @Test
  void aNetworkNamespaceOnAVethPairListsItsVirtualInterface() throws Exception {
    Path sys = root.resolve("sys");
    Path veth = Files.createDirectories(sys.resolve("class/net/veth-load"));
    Files.writeString(veth.resolve("mtu"), "1500\n");
    Files.writeString(veth.resolve("speed"), "10000\n");
    Files.createDirectories(sys.resolve("class/net/lo"));
    LoadHost.Network n = NetworkSource.collect(new HostRoots(sys, root.resolve("proc"), root.resolve("dev")), Map.of());
    assertThat(n.interfaces()).containsExactly(new LoadHost.Interface("veth-load", "veth", null, 10000, 1500));
    assertThat(n.efa()).isFalse();
    assertThat(n.bandwidth()).isNull();
  }

  @Test
  void nothingReadableIsNothingKnown() {
    LoadHost.Network n = NetworkSource.collect(HostRoots.under(root.resolve("empty")), Map.of());
    assertThat(n).isEqualTo(LoadHost.Network.UNKNOWN);
  }
}
