package dev.archbench.harness.runner;

/**
 * Where a fork's measured iterations become steady: the Marginal Standard Error Rule (MSER, White
 * 1997; Hoad, Robinson and Davies 2010 compare warm-up detectors and recommend it). Dropping the
 * first d values is worth it while it lowers the standard error of the mean of the rest,
 * {@code s²(d) / (n - d)}; d is searched in the first half only (the rule's own cap), and a fork with
 * fewer than {@link #MIN_ITERATIONS} values is taken as it is (too few to tell a trend from noise).
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
    return best;
  }
}
