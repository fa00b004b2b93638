package dev.archbench.reports.stats;

import java.util.List;

/**
 * Bootstrap of the mean over forks and iterations. Forks are the independent units (each is a fresh
 * JVM with its own JIT decisions and memory layout); iterations within a fork are not independent of
 * each other. So each replicate first resamples forks with replacement, then iterations within each
 * chosen fork, and takes the mean of the fork means. With one fork only the iteration level remains,
 * which understates fork-to-fork variation (the report says so).
 */
public final class HierarchicalBootstrap {
  /** Replicates per estimate: enough for stable 95% percentile intervals, cheap at report scale. */
  public static final int REPLICATES = 1000;

  private HierarchicalBootstrap() {}

  /** Mean of the fork means (each fork weighs the same, as JMH's forks do). */
  public static double mean(List<double[]> forks) {
    double sum = 0;
    for (double[] f : forks) {
      sum += meanOf(f);
    }
    return sum / forks.size();
  }

  /**
   * {@code replicates} bootstrap means, deterministic for a given seed. The draws are the whole
   * cost of a report, so the loop is written for speed: forks flattened into one array, the
   * SplitMix64 state in a local variable, two 32-bit draws per 64-bit output, indices by
   * multiply-shift (Lemire; bias below 2^-20 for the bounds that occur).
   */
  public static double[] replicates(List<double[]> forks, int replicates, long seed) {
    int nf = forks.size();
    int[] start = new int[nf];
    int[] len = new int[nf];
    int total = 0;
    for (int i = 0; i < nf; i++) {
      start[i] = total;
      len[i] = forks.get(i).length;
      total += len[i];
    }
    double[] flat = new double[total];
    for (int i = 0; i < nf; i++) {
      System.arraycopy(forks.get(i), 0, flat, start[i], len[i]);
    }
    double[] out = new double[replicates];
    long state = seed;
    for (int r = 0; r < replicates; r++) {
      double sum = 0;
      for (int i = 0; i < nf; i++) {
        int f;
        if (nf == 1) {
          f = 0;
        } else {
          state += GAMMA;
          f = (int) (((mix(state) >>> 32) * nf) >>> 32);
        }
        int off = start[f];
        int n = len[f];
        double s = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
          state += GAMMA;
          long z = mix(state);
          s += flat[off + (int) (((z >>> 32) * n) >>> 32)];
          s += flat[off + (int) (((z & 0xffffffffL) * n) >>> 32)];
        }
        if (j < n) {
          state += GAMMA;
          s += flat[off + (int) (((mix(state) >>> 32) * n) >>> 32)];
        }
        sum += s / n;
      }
      out[r] = sum / nf;
    }
    return out;
  }

  private static final long GAMMA = 0x9E3779B97F4A7C15L;

  /** SplitMix64's output function (see {@link SplitMix64}). */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double meanOf(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
