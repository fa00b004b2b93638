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

  /** {@code replicates} bootstrap means, deterministic for a given seed. */
  public static double[] replicates(List<double[]> forks, int replicates, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[] out = new double[replicates];
    int nf = forks.size();
    for (int r = 0; r < replicates; r++) {
      double sum = 0;
      for (int i = 0; i < nf; i++) {
        double[] fork = forks.get(nf == 1 ? 0 : rng.nextInt(nf));
        int n = fork.length;
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += fork[rng.nextInt(n)];
        }
        sum += s / n;
      }
      out[r] = sum / nf;
    }
    return out;
  }

  private static double meanOf(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
