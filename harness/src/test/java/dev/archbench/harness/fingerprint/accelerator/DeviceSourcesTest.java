package dev.archbench.harness.fingerprint.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.ContainerSource;
import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.record.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Neuron, GPU and cgroup v1 trees built in a temp dir for the cases the fixture machines do not cover. */
class DeviceSourcesTest {
  @TempDir Path root;

  private void write(String rel, String content) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private HostFiles files() throws IOException {
    for (String d : List.of("sys", "proc", "dev", "etc")) {
      Files.createDirectories(root.resolve(d));
    }
    return new HostFiles(HostRoots.under(root));
  }

  @Test
  void twoTrainiumDevicesWithTheDriverLoaded() throws IOException {
    for (int i = 0; i < 2; i++) {
      write("sys/devices/virtual/neuron_device/neuron" + i + "/info/architecture/device_name", "Trainium1\n");
      write("dev/neuron" + i, "");
      write("sys/bus/pci/devices/0000:00:1" + i + ".0/vendor", "0x1d0f\n");
      write("sys/bus/pci/devices/0000:00:1" + i + ".0/device", "0x7164\n");
    }
    HostFiles f = files();
    assertThat(new NeuronSource().read(f, PciDevice.readAll(f)))
        .containsExactly(new Host.Accelerator("neuron", "AWS Trainium1", 2, 32L << 30, null));
  }

  @Test
  void neuronFromPciAloneWhenTheDriverIsMissing() throws IOException {
    write("sys/bus/pci/devices/0000:00:1e.0/vendor", "0x1d0f\n");
    write("sys/bus/pci/devices/0000:00:1e.0/device", "0x7364\n");
    // Same vendor, not Neuron: ENA and EBS NVMe.
    write("sys/bus/pci/devices/0000:00:05.0/vendor", "0x1d0f\n");
    write("sys/bus/pci/devices/0000:00:05.0/device", "0xec20\n");
    write("sys/bus/pci/devices/0000:00:04.0/vendor", "0x1d0f\n");
    write("sys/bus/pci/devices/0000:00:04.0/device", "0x8061\n");
    HostFiles f = files();
    assertThat(new NeuronSource().read(f, PciDevice.readAll(f)))
        .containsExactly(new Host.Accelerator("neuron", "AWS Trainium2", 1, 96L << 30, null));
  }

  @Test
  void amazonDevicesWithoutNeuronIdsAreNotAccelerators() throws IOException {
    write("sys/bus/pci/devices/0000:00:05.0/vendor", "0x1d0f\n");
    write("sys/bus/pci/devices/0000:00:05.0/device", "0xec20\n");
    HostFiles f = files();
    assertThat(new NeuronSource().read(f, PciDevice.readAll(f))).isEmpty();
  }

  @Test
  void gpusAreGroupedByModelAndOnlyDisplayClassCounts() throws IOException {
    for (int i = 0; i < 4; i++) {
      write("sys/bus/pci/devices/0000:00:1" + i + ".0/vendor", "0x10de\n");
      write("sys/bus/pci/devices/0000:00:1" + i + ".0/device", "0x2237\n");
      write("sys/bus/pci/devices/0000:00:1" + i + ".0/class", "0x030200\n");
    }
    // An NVIDIA NVSwitch/bridge (class 0x0680) is not a GPU.
    write("sys/bus/pci/devices/0000:00:20.0/vendor", "0x10de\n");
    write("sys/bus/pci/devices/0000:00:20.0/device", "0x1af1\n");
    write("sys/bus/pci/devices/0000:00:20.0/class", "0x068000\n");
    HostFiles f = files();
    assertThat(new GpuSource(false).read(f, PciDevice.readAll(f)))
        .containsExactly(new Host.Accelerator("gpu", "NVIDIA A10G", 4, null, null));
  }

  @Test
  void cgroupV1LimitsTakeTheSmallestAlongThePath() throws IOException {
    write("proc/self/cgroup", "11:memory:/kubepods/pod1/ctr\n4:cpu,cpuacct:/kubepods/pod1/ctr\n");
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
    write("sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/cpu.cfs_quota_us", "250000\n");
    write("sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/cpu.cfs_period_us", "100000\n");
    write("sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_quota_us", "-1\n");
    write("sys/fs/cgroup/cpu,cpuacct/kubepods/pod1/ctr/cpu.cfs_period_us", "100000\n");
    write("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/fs/cgroup/memory/kubepods/pod1/ctr/memory.limit_in_bytes", "1073741824\n");
    HostFiles f = files();
    assertThat(ContainerSource.read(f, 16L << 30)).isEqualTo(new Host.Container(2.5, 1L << 30));
  }

  @Test
  void noCgroupFilesMeansNoLimits() throws IOException {
    assertThat(ContainerSource.read(files(), null)).isEqualTo(new Host.Container(null, null));
  }

  @Test
  void nvidiaSmiLines() {
    assertThat(GpuSource.parseSmi("NVIDIA A10G, 23028\nNVIDIA A10G, [N/A]\n")).containsExactly(
        new GpuSource.SmiGpu("NVIDIA A10G", 23028L << 20), new GpuSource.SmiGpu("NVIDIA A10G", null));
  }
}
