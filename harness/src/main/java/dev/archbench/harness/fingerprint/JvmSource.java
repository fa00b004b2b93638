package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** The running JVM: the one part of the fingerprint that never comes from the host roots. */
public final class JvmSource {
  private JvmSource() {}

  public static Host.Jvm read() {
    List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
    List<String> gcNames = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).toList();
    return new Host.Jvm(
        System.getProperty("java.vendor"),
        System.getProperty("java.runtime.version", System.getProperty("java.version")),
        System.getProperty("java.vm.name"),
        Secrets.redactArguments(args),
        gc(gcNames, args),
        Runtime.getRuntime().maxMemory() == Long.MAX_VALUE ? null : Runtime.getRuntime().maxMemory(),
        Runtime.getRuntime().availableProcessors());
  }

  /** The collector's common name from its MXBean names (they differ between JDK versions). */
  static String gc(List<String> beanNames, List<String> args) {
    String all = String.join(" ", beanNames);
    if (all.contains("G1")) {
      return "G1";
    }
    if (all.contains("ZGC")) {
      return "ZGC";
    }
    if (all.contains("Shenandoah")) {
      return "Shenandoah";
    }
    if (all.contains("PS ") || all.contains("PS Scavenge")) {
      return "Parallel";
    }
    if (all.contains("Copy") || all.contains("MarkSweepCompact")) {
      return "Serial";
    }
    if (args.contains("-XX:+UseEpsilonGC")) {
      return "Epsilon";
    }
    return beanNames.isEmpty() ? null : all;
  }
}
