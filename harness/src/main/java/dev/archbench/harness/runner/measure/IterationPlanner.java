package dev.archbench.harness.runner.measure;

import java.util.List;

/**
 * How many measured iterations a fork should have, from the variance the first forks showed at each
 * level (Kalibera and Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013, section 4). With
 * n forks of r iterations, the mean's variance is {@code σ²fork/n + σ²iter/(n·r)} and the cost
 * {@code n·(cFork + r·cIter)}; their product is least at
 * {@code r* = sqrt((cFork/cIter) · (σ²iter/σ²fork))}. Noisy iterations and cheap iterations argue
 * for more per fork; a large fork-to-fork variance argues for more forks instead.
 */
public final class IterationPlanner {
  private IterationPlanner() {}

  /**
   * Variance components of raw data (forks of iterations): σ²iter is the pooled within-fork
   * variance; σ²fork the variance of fork means less what iteration noise explains of it (never
   * below zero). NaN when there are fewer than two forks with two values each.
   */
  public record Components(double iterationVariance, double forkVariance, double meanIterations, double grandMean) {}

  public static Components components(List<List<Double>> forks) {
    int k = 0;
    double pooled = 0;
    int pooledDf = 0;
    double sumMeans = 0;
    double sumSqMeans = 0;
    double sumN = 0;
    for (List<Double> f : forks) {
      if (f.size() < 2) {
        continue;
      }
      double m = f.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      for (double v : f) {
        pooled += (v - m) * (v - m);
      }
      pooledDf += f.size() - 1;
      sumMeans += m;
      sumSqMeans += m * m;
      sumN += f.size();
      k++;
    }
    if (k < 2) {
      return new Components(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double iterVar = pooled / pooledDf;
    double meanN = sumN / k;
    double grand = sumMeans / k;
    double varOfMeans = (sumSqMeans - sumMeans * sumMeans / k) / (k - 1);
    return new Components(iterVar, Math.max(0, varOfMeans - iterVar / meanN), meanN, grand);
  }

  /**
   * The optimal iterations per fork, between {@code min} and {@code max}; {@code current} when the
   * components are unknown.
   *
   * @param forkSeconds what a fork costs beyond its measured iterations (JVM start, warm-up, setup)
   * @param iterationSeconds what one measured iteration costs
   */
  public static int optimalIterations(Components c, double forkSeconds, double iterationSeconds, int current, int min,
      int max) {
    if (Double.isNaN(c.iterationVariance()) || iterationSeconds <= 0) {
      return current;
    }
    if (c.forkVariance() <= 0) {
      return max; // iteration noise only: more iterations per fork are the cheap way to precision
    }
    double r = Math.sqrt((forkSeconds / iterationSeconds) * (c.iterationVariance() / c.forkVariance()));
    return (int) Math.max(min, Math.min(max, Math.ceil(r)));
  }
}
