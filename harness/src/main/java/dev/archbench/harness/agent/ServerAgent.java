package dev.archbench.harness.agent;

import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.fingerprint.NetworkSource;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.agent.AgentReading;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The server side of a two-host run: this host's fingerprint and network path, taken once, and the
 * server's CPU time, read at every request, as the JSON of an {@link AgentReading}. {@code archbench
 * serve web} answers it on its own port, {@code archbench agent} on a port of its own.
 */
public final class ServerAgent implements Supplier<byte[]> {
  private final Host host;
  private final LoadHost.Network network;
  private final LoadHost.ServerCpu scope;
  private final LongSupplier cpuNanos;

  public ServerAgent(Host host, LoadHost.Network network, LoadHost.ServerCpu scope, LongSupplier cpuNanos) {
    this.host = host;
    this.network = network;
    this.scope = scope;
    this.cpuNanos = cpuNanos;
  }

  /** This host as the fingerprint sees it, with the server's CPU read by {@code cpuNanos}. */
  public static ServerAgent ofThisHost(LoadHost.ServerCpu scope, LongSupplier cpuNanos) {
    Map<String, String> env = System.getenv();
    return new ServerAgent(Fingerprinter.collect(HostRoots.system(), env),
        NetworkSource.collect(HostRoots.system(), env), scope, cpuNanos);
  }

  /** This JVM's CPU time (the server's threads, its GC and JIT), nanoseconds. */
  public static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
  }

  public AgentReading reading() {
    return new AgentReading(host, network, scope, cpuNanos.getAsLong());
  }

  @Override
  public byte[] get() {
    return Json.write(reading()).getBytes(StandardCharsets.UTF_8);
  }
}
