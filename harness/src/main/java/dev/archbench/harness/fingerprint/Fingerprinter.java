package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
import java.util.List;
import java.util.Map;

/** Collects the {@link Host} fingerprint. (Placeholder until the fingerprint issue lands.) */
public final class Fingerprinter {
  private Fingerprinter() {}

  /** The fingerprint of the host under {@code roots}, with environment {@code env}. */
  public static Host collect(HostRoots roots, Map<String, String> env) {
    String arch = System.getProperty("os.arch").equals("amd64") ? "x86_64" : System.getProperty("os.arch");
    return new Host(arch, null,
        new Host.Cpu(null, null, null, null, null, null, null, null, null, null, null,
            Runtime.getRuntime().availableProcessors(), null, null, null, null, List.of()),
        new Host.Memory(null), new Host.Os(System.getProperty("os.name"), null, System.getProperty("os.version")),
        new Host.Container(null, null), null,
        new Host.Jvm(System.getProperty("java.vendor"), System.getProperty("java.version"),
            System.getProperty("java.vm.name"), List.of(), null, Runtime.getRuntime().maxMemory(),
            Runtime.getRuntime().availableProcessors()),
        Host.Cloud.NONE, List.of(), Map.of());
  }
}
