package dev.archbench.stats;

import java.util.Arrays;
import java.util.List;

/**
 * The performance ratio of a variant to the baseline from paired forks: rounds in which both ran one
 * fork back to back (or at the same time), so that what drifted on the machine between rounds moved
 * both sides. The bootstrap resamples rounds with replacement, keeping each round's two forks
 * together, then iterations within each chosen fork (the fork and iteration levels of {@link
 * HierarchicalBootstrap}), and divides the two sides' means of fork means. Resampling pairs rather
 * than each side alone is what removes the shared drift from the interval. The replicates are widened
 * for few rounds as every interval of archbench is ({@link SmallSample}).
 *
 * <p>The ratio is performance, variant over baseline (for times per operation, baseline over
 * variant): above 1 the variant is faster.
 *
 * @param ratio the ratio and its 95% interval
 * @param pairs the rounds it rests on
 * @param scope what variation the interval covers
 * @param lower99 the interval's 99% lower bound, which the run's stopping rule uses for "differs"
 * @param upper99 the 99% upper bound
 * @param replicates the (widened) bootstrap replicates of the ratio
 */
public record PairedRatio(Estimate ratio, int pairs, IntervalScope scope, double lower99, double upper99,
    double[] replicates) {

  /** z(0.80): with {@link SmallSample#Z975}, the change a 95% interval finds four times in five. */
  static final double Z80 = 0.8416212335729143;

  /**
   * The ratio of {@code other} to {@code base}, pair by pair: {@code base.get(i)} and {@code other.get(i)}
   * are the steady iterations of the two forks of round i (at least one pair, no empty fork).
   *
   * @param lowerIsBetter whether the scores are times (then base / other is the performance ratio)
   */
  public static PairedRatio of(List<double[]> base, List<double[]> other, boolean lowerIsBetter, int replicates,
      long seed) {
    int k = base.size();
    if (k == 0 || other.size() != k) {
      throw new IllegalArgumentException("paired ratio of " + k + " and " + other.size() + " forks");
    }
    double mb = HierarchicalBootstrap.mean(base);
    double mo = HierarchicalBootstrap.mean(other);
    double point = lowerIsBetter ? mb / mo : mo / mb;
    double[] reps = new double[replicates];
    long state = seed;
    for (int r = 0; r < replicates; r++) {
      double sb = 0;
      double so = 0;
      for (int i = 0; i < k; i++) {
        int j = 0;
        if (k > 1) {
          state += dev.archbench.random.SplitMix64.GAMMA;
          j = (int) (((dev.archbench.random.SplitMix64.mix(state) >>> 32) * k) >>> 32);
        }
        state += dev.archbench.random.SplitMix64.GAMMA;
        sb += resampledMean(base.get(j), state);
        state += dev.archbench.random.SplitMix64.GAMMA * base.get(j).length;
        state += dev.archbench.random.SplitMix64.GAMMA;
        so += resampledMean(other.get(j), state);
        state += dev.archbench.random.SplitMix64.GAMMA * other.get(j).length;
      }
      reps[r] = lowerIsBetter ? sb / so : so / sb;
    }
    int values = 0;
    for (int i = 0; i < k; i++) {
      values += Math.min(base.get(i).length, other.get(i).length);
    }
    IntervalScope scope = IntervalScope.of(1, k, values);
    SmallSample.expand(reps, point, SmallSample.expansion(ScoreInterval.topUnits(1, k, values)));
    double[] sorted = reps.clone();
    Arrays.sort(sorted);
    return new PairedRatio(Estimate.of(point, reps), k, scope, Estimate.quantile(sorted, 0.005),
        Estimate.quantile(sorted, 0.995), reps);
  }

  /** The mean of {@code v.length} draws from {@code v} with replacement, drawn from the SplitMix64 stream at {@code state}. */
  private static double resampledMean(double[] v, long state) {
    int n = v.length;
    double s = 0;
    for (int i = 0; i < n; i++) {
      state += dev.archbench.random.SplitMix64.GAMMA;
      s += v[(int) (((dev.archbench.random.SplitMix64.mix(state) >>> 32) * n) >>> 32)];
    }
    return s / n;
  }

  /** The larger side of the 95% interval, relative to the ratio; NaN when it cannot be computed. */
  public double relativeHalfWidth() {
    double half = Math.max(ratio.upper() - ratio.value(), ratio.value() - ratio.lower());
    return ratio.value() > 0 && Double.isFinite(half) ? half / ratio.value() : Double.NaN;
  }

  /**
   * The smallest change this many pairs with this spread would find four times in five (power 80%,
   * two-sided 5%): the half-width scaled by (z(0.975) + z(0.80)) / z(0.975). A change smaller than this
   * may well go unseen; "no significant difference" says nothing about changes below it.
   */
  public double detectableChange() {
    return relativeHalfWidth() * (SmallSample.Z975 + Z80) / SmallSample.Z975;
  }

  /** Two-sided p-value of "no change" ({@link FalseDiscovery#pValueOfRatio}). */
  public double pValue() {
    return FalseDiscovery.pValueOfRatio(replicates, ratio.value());
  }

  /** Whether the 99% interval excludes no change: the stopping rule's "it differs". */
  public boolean differs() {
    return lower99 > 1 || upper99 < 1;
  }

  /** Whether the 95% interval lies within 1 ± {@code threshold}: whatever changed is smaller than it. */
  public boolean withinThreshold(double threshold) {
    return threshold > 0 && ratio.lower() >= 1 - threshold && ratio.upper() <= 1 + threshold;
  }

  /**
   * Whether more pairs would change nothing that matters: it differs (at 99%, since the rule looks
   * after every round and each look is a chance for a false alarm), or it lies within the threshold.
   */
  public boolean decided(double threshold) {
    return pairs >= 2 && (differs() || withinThreshold(threshold));
  }
}
