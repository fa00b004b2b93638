package dev.archbench.harness.fingerprint.accelerator;

import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.record.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS Inferentia/Trainium devices. With the Neuron driver loaded: one
 * {@code devices/virtual/neuron_device/neuronN} per device (its {@code info/architecture/device_name}
 * names the chip) and {@code /dev/neuronN}; the driver version is {@code module/neuron/version}.
 * Without the driver, PCI still shows them: vendor 0x1d0f (Amazon) with a Neuron device id. The
 * device id must be matched, because ENA network cards and EBS NVMe controllers share the vendor.
 * {@code memoryBytes} is per device, from the chip's published memory size.
 */
public final class NeuronSource implements AcceleratorSource {
  static final int AMAZON_VENDOR = 0x1d0f;
  private static final Pattern DEVICE = Pattern.compile("neuron\\d+");

  /** Chip by PCI device id: 0x7064-0x7067 inf1, 0x7164 trn1, 0x7264 inf2, 0x7364 trn2. */
  static final Map<Integer, String> CHIP_BY_PCI_ID = Map.of(
      0x7064, "Inferentia", 0x7065, "Inferentia", 0x7066, "Inferentia", 0x7067, "Inferentia",
      0x7164, "Trainium", 0x7264, "Inferentia2", 0x7364, "Trainium2");

  /** Device memory per chip (AWS Neuron architecture docs). */
  static final Map<String, Long> MEMORY_BY_CHIP = Map.of(
      "Inferentia", 8L << 30, "Inferentia2", 32L << 30, "Trainium", 32L << 30,
      "Trainium1", 32L << 30, "Trainium2", 96L << 30);

  @Override
  public List<Host.Accelerator> read(HostFiles files, List<PciDevice> pci) {
    Path sys = files.paths().neuronDevices();
    List<String> sysDevices = files.names(sys).stream().filter(n -> DEVICE.matcher(n).matches()).toList();
    long devNodes = files.names(files.paths().devices()).stream().filter(n -> DEVICE.matcher(n).matches()).count();
    List<PciDevice> pciNeuron = pci.stream()
        .filter(d -> d.vendor() == AMAZON_VENDOR && CHIP_BY_PCI_ID.containsKey(d.device())).toList();
    int count = Math.max(sysDevices.size(), (int) Math.max(devNodes, pciNeuron.size()));
    if (count == 0) {
      return List.of();
    }
    String chip = sysDevices.isEmpty() ? null
        : files.text(sys.resolve(sysDevices.get(0)).resolve("info/architecture/device_name")).filter(s -> !s.isBlank())
            .orElse(null);
    if (chip == null && !pciNeuron.isEmpty()) {
      chip = CHIP_BY_PCI_ID.get(pciNeuron.get(0).device());
    }
    String driver = files.neuronDriverVersion().orElse(null);
    return List.of(new Host.Accelerator("neuron", chip == null ? null : "AWS " + chip, count,
        chip == null ? null : MEMORY_BY_CHIP.get(chip), driver, FrameworkVersions.neuronRuntime(files),
        FrameworkVersions.neuronCompiler(files)));
  }
}
