package dev.archbench.workloads.inference.load;

import java.util.SplittableRandom;

/**
 * Open-loop arrivals as in MLPerf's server scenario: exponential inter-arrival gaps at a mean rate.
 * Deterministic for a seed, so every engine and host sees the same request pattern.
 */
public final class PoissonSchedule {
  private PoissonSchedule() {}

  /** Arrival offsets in nanoseconds from the start, within {@code durationSeconds}. */
  public static long[] arrivals(double ratePerSecond, double durationSeconds, long seed) {
    if (ratePerSecond <= 0 || durationSeconds <= 0) {
      throw new IllegalArgumentException("rate and duration must be positive");
    }
    SplittableRandom r = new SplittableRandom(seed);
    long end = (long) (durationSeconds * 1e9);
    long[] buf = new long[Math.max(16, (int) (ratePerSecond * durationSeconds * 1.5) + 16)];
    int n = 0;
    double t = 0;
    while (true) {
      // Inverse CDF of the exponential distribution; 1 - u avoids log(0).
      t += -Math.log(1.0 - r.nextDouble()) / ratePerSecond * 1e9;
      if (t >= end) {
        break;
      }
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[n++] = (long) t;
    }
    return java.util.Arrays.copyOf(buf, n);
  }
}
