package dev.archbench.harness.fingerprint;

import dev.archbench.harness.fingerprint.accelerator.AcceleratorSource;
import dev.archbench.harness.fingerprint.accelerator.GpuSource;
import dev.archbench.harness.fingerprint.accelerator.NeuronSource;
import dev.archbench.harness.fingerprint.accelerator.PciDevice;
import dev.archbench.harness.fingerprint.ec2.CloudSource;
import dev.archbench.harness.fingerprint.ec2.Dmi;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.harness.fingerprint.parse.CpuInfo;
import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.PlatformSource;
import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects the {@link Host} fingerprint: each origin is read by its own source (procfs/sysfs CPU and
 * memory, cgroups, DMI, IMDS, Neuron, GPU, the running JVM, OSHI as a live-host fallback) and the
 * answers are merged here, once. Everything but the JVM section comes from the files of
 * {@link HostPaths} under {@link HostRoots}, so a fixture tree yields a whole fingerprint. The network
 * paths are IMDS, only when {@link ImdsClient#endpointFor} allows it, and the ECS task metadata
 * endpoint, only when ECS set its variable ({@link EcsMetadataClient#endpointFor}).
 */
public final class Fingerprinter {
  /** {@code virtualization} of a JVM running under user-mode emulation (qemu-user). */
  public static final String EMULATED = "qemu-user";

  private Fingerprinter() {}

  /** The fingerprint of the host under {@code roots}, with environment {@code env}. */
  public static Host collect(HostRoots roots, Map<String, String> env) {
    return collect(roots, env, CloudSource.DEFAULT_CONNECTOR);
  }

  /** As {@link #collect(HostRoots, Map)}, with the way IMDS clients are opened (tests count or refuse). */
  public static Host collect(HostRoots roots, Map<String, String> env, CloudSource.ImdsConnector imds) {
    return collect(roots, env, imds, PlatformSource.DEFAULT_CONNECTOR);
  }

  /** As {@link #collect(HostRoots, Map, CloudSource.ImdsConnector)}, with the way ECS task metadata clients are opened. */
  public static Host collect(HostRoots roots, Map<String, String> env, CloudSource.ImdsConnector imds,
      PlatformSource.EcsConnector ecs) {
    HostFiles files = new HostFiles(roots);
    boolean live = roots.isSystem();

    Dmi dmi = Dmi.read(files);
    CpuInfo cpuInfo = files.cpuInfo();
    String cpuArch = CpuSource.arch(cpuInfo);
    // On the live host the code's architecture wins: under qemu-user an aarch64 JVM sees the x86
    // host's /proc/cpuinfo, yet everything it runs is aarch64 code. Such a host is marked emulated.
    String arch = live && jvmArch() != null ? jvmArch() : cpuArch;
    boolean emulated = cpuArch != null && !cpuArch.equals(arch);
    Host.Cloud cloud = CloudSource.read(dmi, env, imds);
    // The CPU section describes the hardware, also under emulation.
    Host.Cpu cpu = CpuSource.read(files, cpuInfo, cpuArch != null ? cpuArch : arch, cloud.provider() != null);

    Long memory = files.memTotal();
    Map<String, String> osRelease = files.osRelease();
    Host.Os os = new Host.Os(osRelease.get("NAME"), osRelease.get("VERSION_ID"), files.kernelRelease().orElse(null));
    if (live) {
      memory = OshiSource.memory(memory);
      os = OshiSource.fillOs(os);
    }
    Host.Container container = ContainerSource.read(files, memory);
    String virtualization = emulated ? EMULATED
        : dmi.virtualization(files.availableClocksources().orElse(null), cpuInfo.flags().contains("hypervisor"));

    List<PciDevice> pci = PciDevice.readAll(files);
    List<Host.Accelerator> accelerators = new ArrayList<>();
    for (AcceleratorSource source : List.of(new NeuronSource(), new GpuSource(live))) {
      accelerators.addAll(source.read(files, pci));
    }

    String id = HostId.of(arch, cpu, memory, cloud.instanceType(), accelerators);
    Platform platform = PlatformSource.read(files, env, cloud, ecs);
    return new Host(arch, id, cpu, new Host.Memory(memory), os, container, virtualization,
        JvmSource.read(), cloud, List.copyOf(accelerators), Secrets.environment(env), platform);
  }

  private static String jvmArch() {
    return switch (System.getProperty("os.arch", "")) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      default -> null;
    };
  }
}
