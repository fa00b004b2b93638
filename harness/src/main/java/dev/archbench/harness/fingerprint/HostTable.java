package dev.archbench.harness.fingerprint;

import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The human form of a {@link Host}: aligned sections, sizes in binary units, "unknown" for null. */
public final class HostTable {
  private static final int LABEL_WIDTH = 20;
  private static final int WRAP = 100;
  private static final String UNKNOWN = "unknown";

  private final StringBuilder out = new StringBuilder();

  private HostTable() {}

  public static String render(Host h) {
    HostTable t = new HostTable();
    t.cpu(h.arch(), h.cpu());
    t.section("Memory");
    t.row("Total", bytes(h.memory() == null ? null : h.memory().totalBytes()));
    t.section("OS");
    Host.Os os = h.os();
    t.row("Name", os == null ? null : join(" ", os.name(), os.version()));
    t.row("Kernel", os == null ? null : os.kernel());
    t.row("Virtualization", h.virtualization() == null ? "none detected" : h.virtualization());
    t.section("Container");
    Host.Container c = h.container();
    t.row("CPU limit", c == null || c.cpuLimit() == null ? "none"
        : String.format(Locale.ROOT, "%.2f CPUs", c.cpuLimit()));
    t.row("Memory limit", c == null || c.memoryLimitBytes() == null ? "none" : bytes(c.memoryLimitBytes()));
    t.jvm(h.jvm());
    t.cloud(h.cloud());
    t.platform(h.platform());
    t.section("Accelerators");
    if (h.accelerators() == null || h.accelerators().isEmpty()) {
      t.row("Devices", "none");
    }
    for (Host.Accelerator a : h.accelerators() == null ? List.<Host.Accelerator>of() : h.accelerators()) {
      String what = (a.count() == null ? "" : a.count() + " x ") + or(a.name())
          + (a.memoryBytes() == null ? "" : " (" + bytes(a.memoryBytes()) + " each)")
          + (a.driver() == null ? "" : ", driver " + a.driver())
          + (a.runtime() == null ? "" : ", " + a.runtime())
          + (a.compiler() == null ? "" : ", " + a.compiler());
      t.row(a.kind().equals("gpu") ? "GPU" : "Neuron", what);
    }
    t.section("Environment");
    Map<String, String> env = h.environment();
    if (env == null || env.isEmpty()) {
      t.row("Variables", "none of the recorded ones are set");
    } else {
      // NAME=value under one label: variable names are too long for the label column.
      boolean first = true;
      for (Map.Entry<String, String> e : env.entrySet()) {
        t.row(first ? "Variables" : "", e.getKey() + "=" + e.getValue());
        first = false;
      }
    }
    t.section("Host");
    t.row("Id", h.id());
    return t.out.toString();
  }

  private void cpu(String arch, Host.Cpu cpu) {
    section("CPU");
    row("Architecture", arch);
    if (cpu == null) {
      return;
    }
    row("Vendor", cpu.vendor());
    row("Model", cpu.model());
    row("Microarchitecture", cpu.microarchitecture());
    if (cpu.implementer() != null || cpu.part() != null) {
      row("Implementer/part", or(cpu.implementer()) + " / " + or(cpu.part()));
    } else {
      row("Family/model/step", or(cpu.family()) + " / " + or(cpu.modelNumber()) + " / " + or(cpu.stepping()));
    }
    if (cpu.gravitonGeneration() != null) {
      row("Graviton", "generation " + cpu.gravitonGeneration());
    }
    row("Topology", plural(cpu.sockets(), "socket") + ", " + plural(cpu.physicalCores(), "core") + ", "
        + plural(cpu.logicalCores(), "logical CPU") + " (" + or(cpu.threadsPerCore()) + " per core), "
        + plural(cpu.numaNodes(), "NUMA node"));
    Host.CacheBytes cb = cpu.cacheBytes();
    row("Caches", cb == null ? null : "L1d " + bytes(cb.l1d()) + ", L1i " + bytes(cb.l1i()) + " (per core), L2 "
        + bytes(cb.l2()) + ", L3 " + bytes(cb.l3()) + " (per socket)");
    row("Max frequency", cpu.maxFrequencyHz() == null ? null
        : String.format(Locale.ROOT, "%.2f GHz", cpu.maxFrequencyHz() / 1e9));
    row("Features", cpu.features() == null || cpu.features().isEmpty() ? "none of the tracked ones"
        : String.join(" ", cpu.features()));
  }

  private void jvm(Host.Jvm j) {
    section("JVM");
    if (j == null) {
      return;
    }
    row("Vendor", j.vendor());
    row("Version", j.version());
    row("VM", j.vmName());
    row("GC", j.gc());
    row("Max heap", bytes(j.maxHeapBytes()));
    row("Processors", j.availableProcessors() == null ? null : j.availableProcessors().toString());
    row("Arguments", j.arguments() == null || j.arguments().isEmpty() ? "none" : String.join(" ", j.arguments()));
  }

  private void cloud(Host.Cloud c) {
    section("Cloud");
    if (c == null || c.provider() == null) {
      row("Provider", "none detected");
      return;
    }
    row("Provider", c.provider() + (c.source() == null ? "" : " (from " + c.source() + ")"));
    row("Instance type", c.instanceType());
    row("Region", c.region());
    row("Zone", c.availabilityZone());
    row("Lifecycle", c.lifecycle());
    row("AMI", c.amiId());
    if (c.instanceId() != null) {
      row("Instance", c.instanceId());
    }
  }

  private void platform(Platform p) {
    section("Platform");
    if (p == null || p.kind() == null) {
      row("Kind", null);
      return;
    }
    switch (p.kind()) {
      case ECS_TASK -> {
        Platform.EcsTask t = p.ecsTask();
        row("Kind", "ECS task" + (t.launchType() == null ? "" : " on " + (t.onFargate() ? "Fargate" : t.launchType())));
        row("Cluster", t.cluster());
        row("Task", t.taskArn());
        row("Definition", t.family() == null ? null : t.family() + (t.revision() == null ? "" : ":" + t.revision()));
        row("Task size", resources(t.task()));
        row("Container limits", resources(t.container()));
        row("Zone", t.availabilityZone());
        row("Region", p.region());
      }
      case LAMBDA_FUNCTION -> {
        Platform.LambdaFunction f = p.lambdaFunction();
        row("Kind", "Lambda function");
        row("Function", f.name() == null ? null : f.name() + (f.version() == null ? "" : ":" + f.version()));
        row("Memory size", f.memoryMb() == null ? null : f.memoryMb() + " MB");
        row("Initialization", f.initializationType());
        row("Runtime", f.runtime());
        row("Region", p.region());
      }
      case KUBERNETES_POD -> {
        Platform.KubernetesPod k = p.kubernetesPod();
        row("Kind", "Kubernetes pod");
        row("Pod", k.namespace() == null ? k.name() : k.namespace() + "/" + or(k.name()));
        row("Node", k.node());
        row("CPU request", k.cpuRequest() == null ? "none" : String.format(Locale.ROOT, "%.2f CPUs", k.cpuRequest()));
      }
      case EC2_INSTANCE -> row("Kind", "EC2 instance");
      case HOST -> row("Kind", "host (no EC2, container orchestrator or Lambda detected)");
      default -> row("Kind", p.kind().id());
    }
  }

  /** {@code 0.25 vCPU, 512 MiB}. */
  private static String resources(Platform.Resources r) {
    if (r == null) {
      return "none";
    }
    String cpu = r.vcpu() == null ? "unknown vCPU"
        : java.math.BigDecimal.valueOf(r.vcpu()).stripTrailingZeros().toPlainString() + " vCPU";
    return cpu + ", " + (r.memoryMib() == null ? UNKNOWN : bytes(r.memoryMib() << 20));
  }

  private void section(String name) {
    if (out.length() > 0) {
      out.append('\n');
    }
    out.append(name).append('\n');
  }

  private void row(String label, String value) {
    String v = value == null ? UNKNOWN : value.replace('\n', ' ');
    List<String> lines = wrap(v, WRAP - LABEL_WIDTH - 2);
    for (int i = 0; i < lines.size(); i++) {
      String l = i == 0 ? label : "";
      out.append("  ").append(l).append(" ".repeat(Math.max(1, LABEL_WIDTH - l.length()))).append(lines.get(i))
          .append('\n');
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      if (cur.length() > 0 && cur.length() + 1 + word.length() > width) {
        lines.add(cur.toString());
        cur.setLength(0);
      }
      cur.append(cur.length() == 0 ? "" : " ").append(word);
    }
    lines.add(cur.toString());
    return lines;
  }

  /** Binary units with up to one decimal: {@code 48 KiB}, {@code 1 MiB}, {@code 7.6 GiB}. */
  static String bytes(Long b) {
    if (b == null) {
      return UNKNOWN;
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = b;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    String num = v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    return num + " " + units[u];
  }

  private static String plural(Integer n, String noun) {
    return n == null ? UNKNOWN + " " + noun + "s" : n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String or(Object o) {
    return o == null ? UNKNOWN : o.toString();
  }

  private static String join(String sep, String... parts) {
    List<String> present = new ArrayList<>();
    for (String p : parts) {
      if (p != null) {
        present.add(p);
      }
    }
    return present.isEmpty() ? null : String.join(sep, present);
  }
}
