package dev.archbench.stats;

import static dev.archbench.random.SplitMix64.GAMMA;
import static dev.archbench.random.SplitMix64.mix;

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
   * cost of a report, so the loops are written for speed: forks flattened into one array, the
   * SplitMix64 state in a local variable, two 32-bit draws per 64-bit output, indices by
   * multiply-shift (Lemire; bias below 2^-20 for the bounds that occur), and several independent
   * accumulators so additions overlap. Forks of equal length (the usual case: every fork of a JMH
   * run has the same iteration count) take a loop whose bounds are constant, which both JIT
   * compilers turn into much faster code; both loops consume the same draws in the same order.
   */
  public static double[] replicates(List<double[]> forks, int replicates, long seed) {
    int nf = forks.size();
    int[] start = new int[nf];
    int[] len = new int[nf];
    int total = 0;
    boolean equal = true;
    for (int i = 0; i < nf; i++) {
      start[i] = total;
      len[i] = forks.get(i).length;
      total += len[i];
      equal &= len[i] == len[0];
    }
    double[] flat = new double[total];
    for (int i = 0; i < nf; i++) {
      System.arraycopy(forks.get(i), 0, flat, start[i], len[i]);
    }
    return equal ? equalForks(flat, nf, len[0], replicates, seed)
        : unequalForks(flat, start, len, replicates, seed);
  }

  /** Every fork has {@code n} values: the mean of the fork means is the sum of draws over n·nf. */
  static double[] equalForks(double[] flat, int nf, int n, int replicates, long seed) {
    double[] out = new double[replicates];
    double scale = 1.0 / ((double) n * nf);
    long state = seed;
    for (int r = 0; r < replicates; r++) {
      double a0 = 0;
      double a1 = 0;
      double b0 = 0;
      double b1 = 0;
      for (int i = 0; i < nf; i++) {
        int off;
        if (nf == 1) {
          off = 0;
        } else {
          state += GAMMA;
          off = (int) (((mix(state) >>> 32) * nf) >>> 32) * n;
        }
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
          state += GAMMA;
          long z = mix(state);
          s0 += flat[off + (int) (((z >>> 32) * n) >>> 32)];
          s1 += flat[off + (int) (((z & 0xffffffffL) * n) >>> 32)];
        }
        if (j < n) {
          state += GAMMA;
          s0 += flat[off + (int) (((mix(state) >>> 32) * n) >>> 32)];
        }
        if ((i & 1) == 0) {
          a0 += s0;
          a1 += s1;
        } else {
          b0 += s0;
          b1 += s1;
        }
      }
      out[r] = ((a0 + a1) + (b0 + b1)) * scale;
    }
    return out;
  }

  /** Forks of different lengths: each fork's draws are weighed by 1/(its length · nf). */
  static double[] unequalForks(double[] flat, int[] start, int[] len, int replicates, long seed) {
    int nf = len.length;
    double[] weight = new double[nf];
    for (int i = 0; i < nf; i++) {
      weight[i] = 1.0 / ((double) len[i] * nf);
    }
    double[] out = new double[replicates];
    long state = seed;
    for (int r = 0; r < replicates; r++) {
      double a = 0;
      double b = 0;
      for (int i = 0; i < nf; i++) {
        state += GAMMA;
        int f = (int) (((mix(state) >>> 32) * nf) >>> 32);
        int off = start[f];
        int n = len[f];
        double s0 = 0;
        double s1 = 0;
        int j = 0;
        for (; j + 1 < n; j += 2) {
          state += GAMMA;
          long z = mix(state);
          s0 += flat[off + (int) (((z >>> 32) * n) >>> 32)];
          s1 += flat[off + (int) (((z & 0xffffffffL) * n) >>> 32)];
        }
        if (j < n) {
          state += GAMMA;
          s0 += flat[off + (int) (((mix(state) >>> 32) * n) >>> 32)];
        }
        if ((i & 1) == 0) {
          a += (s0 + s1) * weight[f];
        } else {
          b += (s0 + s1) * weight[f];
        }
      }
      out[r] = a + b;
    }
    return out;
  }

  /** Mean over records of each record's {@link #mean} (each record weighs the same). */
  public static double meanOfRecords(List<List<double[]>> records) {
    double sum = 0;
    for (List<double[]> forks : records) {
      sum += mean(forks);
    }
    return sum / records.size();
  }

  /**
   * Three levels, as Kalibera and Jones (ISMM 2013) model a benchmark: each replicate resamples
   * records (runs, instances) with replacement, then forks within each chosen record, then
   * iterations within each chosen fork, and averages up. With one record this is exactly
   * {@link #replicates}: the interval then cannot include run-to-run variation, and says so.
   */
  public static double[] replicatesOfRecords(List<List<double[]>> records, int replicates, long seed) {
    if (records.size() == 1) {
      return replicates(records.get(0), replicates, seed);
    }
    // Flattened like the two-level loops: no list look-ups in the loop, which C1 (the launcher's
    // compiler for report and compare) does not optimize away.
    int nr = records.size();
    int[] recStart = new int[nr];
    int[] recForks = new int[nr];
    int nf = 0;
    int total = 0;
    for (int k = 0; k < nr; k++) {
      recStart[k] = nf;
      recForks[k] = records.get(k).size();
      nf += recForks[k];
      for (double[] f : records.get(k)) {
        total += f.length;
      }
    }
    int[] start = new int[nf];
    int[] len = new int[nf];
    double[] flat = new double[total];
    int fi = 0;
    int at = 0;
    for (List<double[]> forks : records) {
      for (double[] f : forks) {
        start[fi] = at;
        len[fi] = f.length;
        System.arraycopy(f, 0, flat, at, f.length);
        at += f.length;
        fi++;
      }
    }
    double[] out = new double[replicates];
    long state = seed;
    for (int r = 0; r < replicates; r++) {
      double recordSum = 0;
      for (int k = 0; k < nr; k++) {
        state += GAMMA;
        int rec = (int) (((mix(state) >>> 32) * nr) >>> 32);
        int first = recStart[rec];
        int forks = recForks[rec];
        double forkSum = 0;
        for (int i = 0; i < forks; i++) {
          state += GAMMA;
          int f = first + (int) (((mix(state) >>> 32) * forks) >>> 32);
          int off = start[f];
          int n = len[f];
          // Two 32-bit draws per 64-bit output and two accumulators, as in the two-level loops.
          double s0 = 0;
          double s1 = 0;
          int j = 0;
          for (; j + 1 < n; j += 2) {
            state += GAMMA;
            long z = mix(state);
            s0 += flat[off + (int) (((z >>> 32) * n) >>> 32)];
            s1 += flat[off + (int) (((z & 0xffffffffL) * n) >>> 32)];
          }
          if (j < n) {
            state += GAMMA;
            s0 += flat[off + (int) (((mix(state) >>> 32) * n) >>> 32)];
          }
          forkSum += (s0 + s1) / n;
        }
        recordSum += forkSum / forks;
      }
      out[r] = recordSum / nr;
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
