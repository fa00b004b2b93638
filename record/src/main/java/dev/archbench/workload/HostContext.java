package dev.archbench.workload;

import dev.archbench.record.Host;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a workload may know about the host when deciding whether a benchmark can run and how: the
 * fingerprint, archbench's work directory (model caches) and options given on the command line
 * ({@code --corpus}, {@code --device}, {@code --python}, ...).
 */
public record HostContext(Host host, Path workDir, Map<String, String> options) {

  public String option(String name, String fallback) {
    String v = options.get(name);
    return v == null ? fallback : v;
  }

  /** Logical CPUs the benchmark may use (container limit applied). */
  public int cpus() {
    int n = Runtime.getRuntime().availableProcessors();
    if (host != null && host.cpu() != null && host.cpu().logicalCores() != null) {
      n = Math.min(n, host.cpu().logicalCores());
    }
    return Math.max(1, n);
  }
}
