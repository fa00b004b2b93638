package dev.archbench.workloads.web.load;

import java.util.Locale;

/**
 * Concurrency levels relative to the host, so that records from a 2-vCPU laptop and a 192-vCPU
 * instance compare like for like: {@code "1"} is one connection, {@code "2x"} twice the vCPUs,
 * {@code "0.5x"} half of them (at least one).
 */
public final class Concurrency {
  private Concurrency() {}

  public static int connections(String spec, int vcpus) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.endsWith("x")) {
        double f = Double.parseDouble(s.substring(0, s.length() - 1));
        if (f <= 0) {
          throw new IllegalArgumentException("concurrency must be positive: " + spec);
        }
        return Math.max(1, (int) Math.round(f * vcpus));
      }
      int n = Integer.parseInt(s);
      if (n < 1) {
        throw new IllegalArgumentException("concurrency must be positive: " + spec);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("concurrency must be N or Fx (times vCPUs): " + spec);
    }
  }

  /**
   * Event loops for the load generator, at least one, at most one per connection: half of the
   * {@code cpus} when it shares them with the server, every one when they are its own (the server is
   * another host's).
   */
  public static int clientThreads(int connections, int cpus, boolean sharedWithServer) {
    return Math.max(1, Math.min(connections, sharedWithServer ? cpus / 2 : cpus));
  }
}
