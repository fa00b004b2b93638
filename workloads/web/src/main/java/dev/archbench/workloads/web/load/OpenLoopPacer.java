package dev.archbench.workloads.web.load;

/**
 * One connection's share of a constant request rate: request {@code k} is intended at
 * {@code start + k * interval}. When the previous answer comes late, the next request goes out at
 * once but still counts from its intended time, so the latency includes the time it waited in the
 * client because the server was slow.
 */
public final class OpenLoopPacer implements Pacer {
  private final long startNanos;
  private final long intervalNanos;
  private long next;
  private long currentIntended;

  public OpenLoopPacer(long startNanos, long intervalNanos) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive");
    }
    this.startNanos = startNanos;
    this.intervalNanos = intervalNanos;
  }

  /**
   * Pacers for {@code connections} connections that together send {@code ratePerSecond}, their
   * schedules staggered evenly so requests do not leave in bursts.
   */
  public static OpenLoopPacer[] forRate(double ratePerSecond, int connections, long startNanos) {
    long interval = Math.max(1, Math.round(connections * 1e9 / ratePerSecond));
    OpenLoopPacer[] p = new OpenLoopPacer[connections];
    for (int i = 0; i < connections; i++) {
      p[i] = new OpenLoopPacer(startNanos + i * interval / connections, interval);
    }
    return p;
  }

  @Override
  public long nextSendAt(long nowNanos) {
    currentIntended = startNanos + next * intervalNanos;
    next++;
    return currentIntended;
  }

  @Override
  public long latency(long sentAtNanos, long completedAtNanos) {
    return completedAtNanos - currentIntended;
  }

  public long intervalNanos() {
    return intervalNanos;
  }
}
