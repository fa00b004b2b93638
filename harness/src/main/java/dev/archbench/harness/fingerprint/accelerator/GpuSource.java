package dev.archbench.harness.fingerprint.accelerator;

import dev.archbench.harness.fingerprint.HostFiles;
import dev.archbench.record.Host;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * NVIDIA GPUs: PCI display controllers of vendor 0x10de, named from our table of the GPUs EC2 offers;
 * the driver version from {@code /proc/driver/nvidia/version}. On the live host, {@code nvidia-smi}
 * (when installed) supplies exact names and memory; it runs with a timeout so a wedged driver cannot
 * hang the fingerprint, and any failure leaves the sysfs answer.
 */
public final class GpuSource implements AcceleratorSource {
  static final int NVIDIA_VENDOR = 0x10de;
  private static final long SMI_TIMEOUT_SECONDS = 5;

  /** PCI device id to name, for the GPUs of EC2 instance families (g3, g4dn, g5, g6, g6e, p3, p4, p5). */
  static final Map<Integer, String> NAME_BY_PCI_ID = Map.ofEntries(
      Map.entry(0x13f2, "NVIDIA Tesla M60"), Map.entry(0x102d, "NVIDIA Tesla K80"),
      Map.entry(0x1db1, "NVIDIA Tesla V100-SXM2-16GB"), Map.entry(0x1db5, "NVIDIA Tesla V100-SXM2-32GB"),
      Map.entry(0x1eb8, "NVIDIA Tesla T4"), Map.entry(0x2237, "NVIDIA A10G"),
      Map.entry(0x20b0, "NVIDIA A100-SXM4-40GB"), Map.entry(0x20b2, "NVIDIA A100-SXM4-80GB"),
      Map.entry(0x27b8, "NVIDIA L4"), Map.entry(0x26b9, "NVIDIA L40S"), Map.entry(0x2330, "NVIDIA H100 80GB HBM3"),
      Map.entry(0x2335, "NVIDIA H200"));

  private final boolean useNvidiaSmi;

  /** @param useNvidiaSmi only for the live host: the tool describes this machine, not a fixture tree */
  public GpuSource(boolean useNvidiaSmi) {
    this.useNvidiaSmi = useNvidiaSmi;
  }

  @Override
  public List<Host.Accelerator> read(HostFiles files, List<PciDevice> pci) {
    List<PciDevice> gpus = pci.stream()
        .filter(d -> d.vendor() == NVIDIA_VENDOR && (d.pciClass() >> 16) == 0x03).toList();
    String driver = files.nvidiaDriverVersion().orElse(null);
    List<SmiGpu> smi = useNvidiaSmi && !gpus.isEmpty() ? nvidiaSmi() : List.of();
    String runtime = gpus.isEmpty() ? null : FrameworkVersions.gpuRuntime(files);
    Map<String, Host.Accelerator> byName = new LinkedHashMap<>();
    if (!smi.isEmpty()) {
      for (SmiGpu g : smi) {
        byName.merge(g.name, new Host.Accelerator("gpu", g.name, 1, g.memoryBytes, driver, runtime, null),
            (a, b) -> new Host.Accelerator("gpu", a.name(), a.count() + 1, a.memoryBytes(), driver, runtime, null));
      }
    } else {
      for (PciDevice d : gpus) {
        String name = NAME_BY_PCI_ID.getOrDefault(d.device(), String.format(java.util.Locale.ROOT, "NVIDIA GPU 0x%04x", d.device()));
        byName.merge(name, new Host.Accelerator("gpu", name, 1, null, driver, runtime, null),
            (a, b) -> new Host.Accelerator("gpu", a.name(), a.count() + 1, null, driver, runtime, null));
      }
    }
    return List.copyOf(byName.values());
  }

  record SmiGpu(String name, Long memoryBytes) {}

  /** {@code nvidia-smi --query-gpu=name,memory.total --format=csv,noheader,nounits} lines (MiB). */
  static List<SmiGpu> parseSmi(String csv) {
    List<SmiGpu> out = new ArrayList<>();
    for (String line : csv.split("\n")) {
      int comma = line.lastIndexOf(',');
      if (comma <= 0) {
        continue;
      }
      String name = line.substring(0, comma).strip();
      Long mib = null;
      try {
        mib = Long.parseLong(line.substring(comma + 1).strip());
      } catch (NumberFormatException e) {
        // "[N/A]": memory unknown
      }
      out.add(new SmiGpu(name, mib == null ? null : mib << 20));
    }
    return out;
  }

  private static List<SmiGpu> nvidiaSmi() {
    Path out = null;
    Process p = null;
    try {
      out = Files.createTempFile("archbench-nvidia-smi", ".csv");
      p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader,nounits")
          .redirectErrorStream(false).redirectOutput(out.toFile())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(SMI_TIMEOUT_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
        return List.of();
      }
      return parseSmi(Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return List.of(); // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
      if (out != null) {
        try {
          Files.deleteIfExists(out);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
