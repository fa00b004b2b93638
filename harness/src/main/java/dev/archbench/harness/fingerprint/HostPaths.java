package dev.archbench.harness.fingerprint;

import java.nio.file.Path;

/**
 * The catalog of the host's files and directories that archbench reads, each named once (as OSHI's
 * {@code SysPath} and {@code ProcPath}), below {@link HostRoots} so that tests point it at fixture
 * trees. A file inside a named directory that one reader walks (a CPU's {@code topology/core_id}, a
 * PCI device's {@code vendor}) is named by that reader.
 */
public final class HostPaths {
  private final HostRoots roots;

  public HostPaths(HostRoots roots) {
    this.roots = roots;
  }

  /** {@code /proc/cpuinfo}: the CPU's identity and flags. */
  public Path cpuinfo() {
    return roots.procfs().resolve("cpuinfo");
  }

  /** {@code /proc/meminfo}: the memory the kernel sees. */
  public Path meminfo() {
    return roots.procfs().resolve("meminfo");
  }

  /** {@code /proc/loadavg}: the load averages. */
  public Path loadavg() {
    return roots.procfs().resolve("loadavg");
  }

  /** {@code /proc/self/cgroup}: this process's cgroup in each hierarchy. */
  public Path selfCgroup() {
    return roots.procfs().resolve("self/cgroup");
  }

  /** {@code /proc/self/status}: this process's state, among it the CPUs it may run on ({@code Cpus_allowed_list}). */
  public Path selfStatus() {
    return roots.procfs().resolve("self/status");
  }

  /** {@code /proc/sys/kernel/osrelease}: the kernel release. */
  public Path kernelRelease() {
    return roots.procfs().resolve("sys/kernel/osrelease");
  }

  /** {@code /proc/driver/nvidia/version}: the NVIDIA driver, when it is loaded. */
  public Path nvidiaDriverVersion() {
    return roots.procfs().resolve("driver/nvidia/version");
  }

  /** {@code /sys/devices/system/cpu}: a {@code cpuN} directory per CPU (topology, cache, cpufreq), {@code cpufreq/policyN}. */
  public Path cpus() {
    return roots.sysfs().resolve("devices/system/cpu");
  }

  /** {@code /sys/devices/system/cpu/online}: the online CPUs as a kernel CPU list. */
  public Path onlineCpus() {
    return cpus().resolve("online");
  }

  /** {@code /sys/devices/system/node}: a {@code nodeN} directory per NUMA node. */
  public Path numaNodes() {
    return roots.sysfs().resolve("devices/system/node");
  }

  /** The clock sources the kernel can use: a hypervisor's own ({@code kvm-clock}, {@code xen}) names it. */
  public Path availableClocksources() {
    return roots.sysfs().resolve("devices/system/clocksource/clocksource0/available_clocksource");
  }

  /** {@code /sys/class/dmi/id}: the firmware's identity of the machine ({@code sys_vendor}, {@code product_name}, ...). */
  public Path dmiId() {
    return roots.sysfs().resolve("class/dmi/id");
  }

  /** {@code /sys/hypervisor}: Xen's {@code type} and {@code uuid}. */
  public Path hypervisor() {
    return roots.sysfs().resolve("hypervisor");
  }

  /** {@code /sys/bus/pci/devices}: a directory per PCI device. */
  public Path pciDevices() {
    return roots.sysfs().resolve("bus/pci/devices");
  }

  /** A {@code neuronN} directory per Neuron device, while the Neuron driver is loaded. */
  public Path neuronDevices() {
    return roots.sysfs().resolve("devices/virtual/neuron_device");
  }

  /** {@code /sys/module/neuron/version}: the Neuron driver's version. */
  public Path neuronDriverVersion() {
    return roots.sysfs().resolve("module/neuron/version");
  }

  /** {@code /sys/kernel/mm/transparent_hugepage/enabled}: {@code always [madvise] never}. */
  public Path transparentHugePages() {
    return roots.sysfs().resolve("kernel/mm/transparent_hugepage/enabled");
  }

  /** {@code /sys/class/power_supply}: a directory per power supply (mains, battery). */
  public Path powerSupplies() {
    return roots.sysfs().resolve("class/power_supply");
  }

  /** {@code /sys/fs/cgroup}: the cgroup v2 hierarchy, or a mount per v1 controller. */
  public Path cgroups() {
    return roots.sysfs().resolve("fs/cgroup");
  }

  /** {@code /sys/class/net}: a directory per network interface ({@code device/driver}, {@code speed}, {@code mtu}). */
  public Path netInterfaces() {
    return roots.sysfs().resolve("class/net");
  }

  /** {@code /sys/module/NAME/version}: a kernel module's version, where the module declares one. */
  public Path moduleVersion(String module) {
    return roots.sysfs().resolve("module").resolve(module).resolve("version");
  }

  /** {@code /sys/class/infiniband}: RDMA devices; an Elastic Fabric Adapter is {@code efa_N}. */
  public Path infiniband() {
    return roots.sysfs().resolve("class/infiniband");
  }

  /** {@code /proc/stat}: the host's CPU time by state, in clock ticks. */
  public Path procStat() {
    return roots.procfs().resolve("stat");
  }

  /** {@code /dev}: the device nodes ({@code neuronN}). */
  public Path devices() {
    return roots.devfs();
  }

  /** {@code /etc/os-release}: the distribution's name and version. */
  public Path osRelease() {
    return roots.etc().resolve("os-release");
  }

  /** {@code /opt}: the Python environments the Deep Learning AMIs install. */
  public Path opt() {
    return roots.opt();
  }
}
