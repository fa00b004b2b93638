package dev.archbench.workloads.web.load;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * How the CPU of this JVM was shared out over an interval, in cores (CPU seconds per second): the
 * server's threads, the load generator's threads, and everything else (GC, JIT, the driver). Client
 * and server share the host in the default mode, so a host's throughput is bounded by both; the
 * server's share tells how much of the machine the service itself needed.
 */
public record CpuSplit(double serverCores, double clientCores, double otherCores) {

  /** A point in time to measure from. */
  public record Sample(long server, long client, long process, long wall) {}

  /** Takes samples of the given CPU counters (nanoseconds). */
  public static final class Meter {
    private final LongSupplier server;
    private final LongSupplier client;
    private final boolean serverInProcess;

    /** Server and client threads of this JVM. */
    public Meter(LongSupplier server, LongSupplier client) {
      this(server, client, true);
    }

    /**
     * @param serverInProcess false when the server is another process ({@code --target-pid}): its CPU
     *     is then added to this process's so that "other" stays this JVM's rest
     */
    public Meter(LongSupplier server, LongSupplier client, boolean serverInProcess) {
      this.server = server;
      this.client = client;
      this.serverInProcess = serverInProcess;
    }

    public Sample sample() {
      long s = server.getAsLong();
      long p = processCpuNanos();
      return new Sample(s, client.getAsLong(), p < 0 || serverInProcess ? p : p + s, System.nanoTime());
    }
  }

  /** As stored in the record, with the server's requests per CPU-second over {@code seconds}. */
  public dev.archbench.record.CpuSplit stored(double requests, double seconds) {
    // Comparable across hosts even though the load generator shares the machine.
    Double perCpuSecond = serverCores > 0 ? requests / (serverCores * seconds) : null;
    return new dev.archbench.record.CpuSplit(serverCores, clientCores, otherCores, perCpuSecond);
  }

  public static CpuSplit between(Sample a, Sample b) {
    double wall = Math.max(1, b.wall() - a.wall());
    double s = (b.server() - a.server()) / wall;
    double c = (b.client() - a.client()) / wall;
    double p = b.process() < 0 ? s + c : (b.process() - a.process()) / wall;
    return new CpuSplit(s, c, Math.max(0, p - s - c));
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
