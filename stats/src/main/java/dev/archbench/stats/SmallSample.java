package dev.archbench.stats;

/**
 * The small-sample correction of a percentile bootstrap. With n independent units a bootstrap's
 * spread is that of the plug-in variance ((n - 1)/n of the unbiased one) and of a normal, not a
 * Student t, distribution: with 2 to 5 forks its 95% intervals cover far less than 95%, which is
 * how an A/A comparison comes to "find" differences. Hesterberg's expanded percentile interval
 * ("What Teachers Should Know About the Bootstrap", The American Statistician 69(4), 2015) widens
 * the replicates about the estimate by sqrt(n/(n-1)) · t(0.975, n-1) / z(0.975), which gives the
 * t interval's width for a mean and leaves large samples almost unchanged.
 */
public final class SmallSample {
  /** z(0.975). */
  public static final double Z975 = 1.959963984540054;
  /** t(0.975, df) for df = 1..30 (standard tables). */
  private static final double[] T975 = {
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
    2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
    2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423};

  private SmallSample() {}

  /** Student's t quantile 0.975 with {@code df} degrees of freedom (df ≥ 1). */
  public static double t975(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1: " + df);
    }
    if (df <= T975.length) {
      return T975[df - 1];
    }
    // Cornish-Fisher expansion in 1/df: below 1e-4 of the exact value from df = 31 on.
    double z = Z975;
    double z3 = z * z * z;
    double z5 = z3 * z * z;
    return z + (z3 + z) / (4.0 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96.0 * df * df);
  }

  /** The factor by which replicates are widened about the estimate for {@code n} independent units. */
  public static double expansion(int n) {
    if (n < 2) {
      return 1;
    }
    return Math.sqrt(n / (n - 1.0)) * t975(n - 1) / Z975;
  }

  /**
   * Widens {@code replicates} about {@code centre} by {@code factor}, in place: on the log scale when
   * everything is positive (scores are rates or times; a widened replicate stays positive, so ratios
   * of replicates stay defined), else linearly. For small spreads the two agree.
   */
  static void expand(double[] replicates, double centre, double factor) {
    if (factor == 1) {
      return;
    }
    boolean positive = centre > 0;
    for (double r : replicates) {
      positive &= r > 0;
    }
    for (int i = 0; i < replicates.length; i++) {
      replicates[i] = positive ? centre * Math.exp(factor * Math.log(replicates[i] / centre))
          : centre + factor * (replicates[i] - centre);
    }
  }
}
