package dev.archbench.stats;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * A point value with its 95% interval. For a monotone transformation of a percentile-bootstrap
 * estimate, transforming the bounds gives the transformed interval, which {@link #map} relies on.
 */
public record Estimate(double value, double lower, double upper) {
  public static final double LOWER_Q = 0.025;
  public static final double UPPER_Q = 0.975;

  /** Point value plus the 2.5% and 97.5% quantiles of the replicates. */
  public static Estimate of(double value, double[] replicates) {
    double[] s = replicates.clone();
    Arrays.sort(s);
    return new Estimate(value, quantile(s, LOWER_Q), quantile(s, UPPER_Q));
  }

  /** Linear interpolation between order statistics (type 7, as R's default). */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 1) {
      return sorted[0];
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Applies a monotone function; a decreasing one swaps the bounds. */
  public Estimate map(DoubleUnaryOperator f) {
    double a = f.applyAsDouble(lower);
    double b = f.applyAsDouble(upper);
    return new Estimate(f.applyAsDouble(value), Math.min(a, b), Math.max(a, b));
  }

  public boolean overlaps(Estimate o) {
    return lower <= o.upper && o.lower <= upper;
  }

  /** Whether the interval excludes {@code x}. */
  public boolean excludes(double x) {
    return x < lower || x > upper;
  }
}
