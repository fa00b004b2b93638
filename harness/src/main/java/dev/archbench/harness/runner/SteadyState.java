package dev.archbench.harness.runner;

/**
 * Where a fork's measured iterations become steady: the Marginal Standard Error Rule (MSER, White
 * 1997; Hoad, Robinson and Davies 2010 compare warm-up detectors and recommend it). Dropping the
 * first d values is worth it while it lowers the standard error of the mean of the rest,
 * {@code s²(d) / (n - d)}; d is searched in the first half only (the rule's own cap), and a fork with
 * fewer than {@link #MIN_ITERATIONS} values is taken as it is (too few to tell a trend from noise).
 * On short, noisy series MSER's minimum often falls on a d > 0 by chance, so a cut is kept only when
 * the values it drops really differ from the rest: their mean is more than two standard errors from
 * the steady mean.
 */
final class SteadyState {
  static final int MIN_ITERATIONS = 5;

  private SteadyState() {}

  /** How many leading values of {@code values} are warm-up, between 0 and half of them. */
  static int warmupLength(double[] values) {
    int n = values.length;
    if (n < MIN_ITERATIONS) {
      return 0;
    }
    int best = 0;
    double bestScore = Double.POSITIVE_INFINITY;
    for (int d = 0; d <= (n - 1) / 2; d++) {
      int m = n - d;
      double mean = 0;
      for (int i = d; i < n; i++) {
        mean += values[i];
      }
      mean /= m;
      double ss = 0;
      for (int i = d; i < n; i++) {
        ss += (values[i] - mean) * (values[i] - mean);
      }
      double score = ss / ((double) m * m);
      // Strictly better only: ties keep more data.
      if (score < bestScore * (1 - 1e-12)) {
        bestScore = score;
        best = d;
      }
    }
    return best > 0 && differs(values, best) ? best : 0;
  }

  /** Whether the first {@code d} values' mean lies beyond two standard errors of the rest's mean. */
  private static boolean differs(double[] values, int d) {
    int m = values.length - d;
    double mean = 0;
    for (int i = d; i < values.length; i++) {
      mean += values[i];
    }
    mean /= m;
    double ss = 0;
    for (int i = d; i < values.length; i++) {
      ss += (values[i] - mean) * (values[i] - mean);
    }
    double sd = Math.sqrt(ss / (m - 1));
    double head = 0;
    for (int i = 0; i < d; i++) {
      head += values[i];
    }
    head /= d;
    return Math.abs(head - mean) > 2 * sd / Math.sqrt(d);
  }
}
