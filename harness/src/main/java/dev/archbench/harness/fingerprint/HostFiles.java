package dev.archbench.harness.fingerprint;

import dev.archbench.harness.fingerprint.parse.CpuInfo;
import dev.archbench.harness.fingerprint.parse.KernelValues;
import dev.archbench.harness.fingerprint.parse.OsRelease;
import dev.archbench.harness.fingerprint.parse.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.stream.Stream;

/**
 * Reads the host's files named in {@link HostPaths}: one typed reader per kernel file (text in, a
 * pure parser, a typed value out), and the plain reads for the sources that walk a directory of the
 * catalog (CPUs, cgroups, PCI devices). A missing or unreadable file is an empty answer, never an
 * exception: a fingerprint degrades to {@code null} fields and a warning to silence, they do not fail.
 */
public final class HostFiles {
  /** sysfs and procfs files are small; a cap keeps a hostile tree from costing memory. */
  private static final int MAX_BYTES = 4 << 20;

  private final HostPaths paths;

  public HostFiles(HostRoots roots) {
    this.paths = new HostPaths(roots);
  }

  public HostPaths paths() {
    return paths;
  }

  /** {@code /proc/cpuinfo}; {@link CpuInfo#EMPTY} when absent. */
  public CpuInfo cpuInfo() {
    return content(paths.cpuinfo()).map(CpuInfo::parse).orElse(CpuInfo.EMPTY);
  }

  /** {@code MemTotal} of {@code /proc/meminfo} in bytes, or {@code null}. */
  public Long memTotal() {
    return Sizes.memTotal(content(paths.meminfo()).orElse(null));
  }

  /** The one-minute load average of {@code /proc/loadavg}. */
  public OptionalDouble loadAverage() {
    return KernelValues.loadAverage(content(paths.loadavg()).orElse(null));
  }

  /** {@code /proc/self/cgroup}, empty when absent. */
  public String selfCgroup() {
    return content(paths.selfCgroup()).orElse("");
  }

  /** The kernel release, e.g. {@code 6.1.102-111.182.amzn2023.aarch64}. */
  public Optional<String> kernelRelease() {
    return text(paths.kernelRelease()).filter(s -> !s.isEmpty());
  }

  /** The loaded NVIDIA driver's version, e.g. {@code 535.104.05}. */
  public Optional<String> nvidiaDriverVersion() {
    return content(paths.nvidiaDriverVersion()).map(KernelValues::nvidiaDriverVersion);
  }

  /** The online CPUs; empty when the list is absent or malformed. */
  public SortedSet<Integer> onlineCpus() {
    return Sizes.cpuList(text(paths.onlineCpus()).orElse(null));
  }

  /** The kernel's available clock sources, e.g. {@code kvm-clock tsc hpet acpi_pm}. */
  public Optional<String> availableClocksources() {
    return text(paths.availableClocksources());
  }

  /** The transparent huge pages mode: {@code always}, {@code madvise} or {@code never}. */
  public Optional<String> transparentHugePages() {
    return text(paths.transparentHugePages()).flatMap(KernelValues::selected);
  }

  /** The loaded Neuron driver's version. */
  public Optional<String> neuronDriverVersion() {
    return text(paths.neuronDriverVersion()).filter(s -> !s.isBlank());
  }

  /** {@code /etc/os-release} by key; empty when absent. */
  public Map<String, String> osRelease() {
    return OsRelease.parse(content(paths.osRelease()).orElse(null));
  }

  /** A file's text without the surrounding whitespace (sysfs values end in a newline). */
  public Optional<String> text(Path file) {
    return content(file).map(String::strip);
  }

  /** A file's whole text, as it is (multi-line procfs files). */
  public Optional<String> content(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      // readNBytes: /proc files report size 0, so read until EOF up to the cap.
      return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Names in a directory, sorted; empty when absent. */
  public List<String> names(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }
}
