package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.util.Arrays;

/**
 * Samples ranks 0..n-1 with probability proportional to 1/(rank+1+q)^s: Zipf's law with
 * Mandelbrot's offset q, the word-frequency law of natural language (and of URL paths, user ids
 * and most things people log). q = 0 is plain Zipf.
 */
final class Zipf {
  private final double[] cumulative;

  Zipf(int n, double s) {
    this(n, s, 0);
  }

  Zipf(int n, double s, double q) {
    cumulative = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += 1.0 / StrictMath.pow(i + 1 + q, s);
      cumulative[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= sum;
    }
  }

  int sample(SplitMix64 rnd) {
    int i = Arrays.binarySearch(cumulative, rnd.nextDouble());
    int rank = i >= 0 ? i : -i - 1;
    return Math.min(rank, cumulative.length - 1);
  }
}
