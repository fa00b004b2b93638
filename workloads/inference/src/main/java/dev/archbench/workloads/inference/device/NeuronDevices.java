package dev.archbench.workloads.inference.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Neuron devices under a root directory ({@code /} on a real host, a fixture tree in tests): each
 * {@code /dev/neuronN} is one Inferentia2/Trainium chip; its NeuronCore count comes from
 * {@code /sys/devices/virtual/neuron_device/neuronN/core_count} (2 on inf2/trn1, 8 on trn2).
 */
public record NeuronDevices(List<String> devices, int cores) {
  static final int DEFAULT_CORES_PER_DEVICE = 2;

  public static NeuronDevices discover(Path root) {
    Path dev = root.resolve("dev");
    List<String> names;
    try (Stream<Path> s = Files.isDirectory(dev) ? Files.list(dev) : Stream.empty()) {
      names = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("neuron\\d+"))
          .sorted(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(6)))).toList();
    } catch (IOException e) {
      names = List.of();
    }
    int cores = 0;
    for (String n : names) {
      cores += coreCount(root.resolve("sys/devices/virtual/neuron_device").resolve(n).resolve("core_count"));
    }
    return new NeuronDevices(names, cores);
  }

  public boolean present() {
    return !devices.isEmpty();
  }

  private static int coreCount(Path file) {
    try {
      return Integer.parseInt(Files.readString(file).trim());
    } catch (IOException | NumberFormatException e) {
      return DEFAULT_CORES_PER_DEVICE;
    }
  }
}
