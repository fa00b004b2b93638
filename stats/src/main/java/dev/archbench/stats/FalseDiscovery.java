package dev.archbench.stats;

import java.util.Arrays;

/**
 * Many benchmarks compared at once: tested one by one at 95%, two identical runs of a 100-benchmark
 * suite would show about five "differences". The Benjamini-Hochberg step-up procedure (J. R. Stat.
 * Soc. B 57, 1995) keeps the expected share of false discoveries among the differences it calls at
 * the rate asked, and loses little power when many benchmarks really changed.
 */
public final class FalseDiscovery {
  private FalseDiscovery() {}

  /**
   * The largest p-value that is still a discovery at {@code rate}, or -1 when none is: p-values at
   * or below it are significant.
   */
  public static double cutoff(double[] pValues, double rate) {
    double[] p = pValues.clone();
    Arrays.sort(p);
    double cut = -1;
    for (int k = p.length; k >= 1; k--) {
      if (p[k - 1] <= rate * k / p.length) {
        cut = p[k - 1];
        break;
      }
    }
    return cut;
  }

  /**
   * Two-sided p-value of "the ratio is 1" from bootstrap replicates of a ratio and its point value:
   * normal on the log scale, with the replicates' standard deviation (so it can go below 1/B, which
   * the correction over a hundred benchmarks needs). NaN when it cannot be computed.
   */
  public static double pValueOfRatio(double[] ratios, double point) {
    if (!(point > 0) || ratios.length < 2) {
      return Double.NaN;
    }
    double sum = 0;
    double sumSq = 0;
    for (double r : ratios) {
      if (!(r > 0)) {
        return Double.NaN;
      }
      double l = Math.log(r);
      sum += l;
      sumSq += l * l;
    }
    double n = ratios.length;
    double var = (sumSq - sum * sum / n) / (n - 1);
    if (!(var > 0)) {
      return point == 1 ? 1 : 0;
    }
    return 2 * upperTail(Math.abs(Math.log(point)) / Math.sqrt(var));
  }

  /** P(Z > z) for a standard normal Z (Abramowitz and Stegun 26.2.17, error below 7.5e-8). */
  static double upperTail(double z) {
    if (z < 0) {
      return 1 - upperTail(-z);
    }
    double t = 1 / (1 + 0.2316419 * z);
    double poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
    return Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * poly;
  }
}
