package dev.archbench.harness.fingerprint.accelerator;

import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.harness.fingerprint.parse.CpuInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One entry of {@code /sys/bus/pci/devices}: ids as the kernel prints them ({@code 0x1d0f}). */
public record PciDevice(String address, int vendor, int device, int pciClass) {

  public static List<PciDevice> readAll(HostFiles files) {
    List<PciDevice> out = new ArrayList<>();
    Path devices = files.paths().pciDevices();
    for (String addr : files.names(devices)) {
      Path base = devices.resolve(addr);
      Integer vendor = CpuInfo.intOrNull(files.text(base.resolve("vendor")).orElse(null));
      Integer device = CpuInfo.intOrNull(files.text(base.resolve("device")).orElse(null));
      Integer cls = CpuInfo.intOrNull(files.text(base.resolve("class")).orElse(null));
      if (vendor != null && device != null) {
        out.add(new PciDevice(addr, vendor, device, cls == null ? -1 : cls));
      }
    }
    return out;
  }
}
