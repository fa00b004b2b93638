package dev.archbench.harness.runner.measure;

import dev.archbench.record.ForkRun;
import dev.archbench.record.ForkRun.Steadiness;
import dev.archbench.record.Latency;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Classifies one fork over its whole iteration series, warm-up included, the way Barrett et al.
 * ("Virtual Machine Warmup Blows Hot and Cold", OOPSLA 2017) do: the series is split where its level
 * changes (exact optimal partitioning of a change in mean, Jackson et al. 2005, the search PELT
 * speeds up; penalty {@value #PENALTY_PER_LOG_N}·ln n in units of the iteration noise), and the steady
 * state starts with the first segment whose level is equivalent to the last one's (within
 * {@value #EQUIVALENT_FRACTION} relative or three noise standard deviations, whichever is larger: a
 * shift smaller than that is the machine, not the program). A dip after that point, which another
 * process on the machine causes, stays in the steady state as noise the interval must include.
 *
 * <p>Warm-up ends by evidence: the steady state starts where the scores stopped changing <em>and</em>
 * the JIT went quiet (no later iteration spent more than {@value #JIT_BUSY_FRACTION} of its time
 * compiling), and what follows has no trend of more than {@value #TREND_FRACTION}. A fork has
 * {@link Steadiness#NO_STEADY_STATE no steady state} when what is left after that holds fewer than
 * {@value #MIN_STEADY} iterations or less than a quarter of the series (Barrett et al.'s rule: a
 * change in the last quarter means the fork was still changing when it ended), or still trends.
 * Series too short to tell (fewer than {@value #MIN_ITERATIONS} values) are {@link
 * Steadiness#UNCHECKED unchecked} and used as they are. Scenarios that score a series of steps
 * (closed loop, offline inference) measure their warm-up as steps of the same length, so their whole
 * series is classified the same way; a knee search gives one value per fork, too few to classify.
 */
public final class SteadyState {
  /** Shorter series are not classified. */
  static final int MIN_ITERATIONS = 4;
  /** A steady state needs at least this many iterations. */
  static final int MIN_STEADY = 3;
  static final double PENALTY_PER_LOG_N = 8;
  static final double EQUIVALENT_FRACTION = 0.03;
  static final double JIT_BUSY_FRACTION = 0.10;
  static final double TREND_FRACTION = 0.05;
  /** The smallest noise assumed (relative): below it, splitting a quiet series finds only rounding. */
  private static final double NOISE_FLOOR = 0.003;

  private SteadyState() {}

  /**
   * The fork's class and warm-up length.
   *
   * @param values every iteration's value, in order (throughputs or times; positive)
   * @param jitMillis per iteration, ms of JIT compilation, or {@code null} when not measured
   * @param iterationSeconds the length of one iteration (for the JIT's share of it)
   * @param higherIsBetter whether larger values are better (throughput) or worse (time)
   */
  public static ForkRun classify(List<Double> values, List<Double> jitMillis, double iterationSeconds,
      boolean higherIsBetter) {
    int n = values.size();
    if (n < MIN_ITERATIONS) {
      return new ForkRun(Steadiness.UNCHECKED, 0, iterationSeconds, values, jitMillis);
    }
    double[] x = logs(values);
    double sigma = noise(x);
    int[] starts = segmentStarts(x, sigma);
    // The steady state starts with the first segment at the final level. Segments after it that
    // differ (a dip while another process ran) are the machine's noise, kept in the score; segments
    // before it are the warm-up.
    int last = starts.length - 1;
    double lastMean = mean(x, starts[last], n);
    double tolerance = Math.max(Math.log1p(EQUIVALENT_FRACTION), 3 * sigma);
    int first = 0;
    while (first < last && Math.abs(mean(x, starts[first], starts[first + 1]) - lastMean) > tolerance) {
      first++;
    }
    int scoresSteadyFrom = starts[first];
    int steadyFrom = Math.max(scoresSteadyFrom, jitQuietFrom(jitMillis, iterationSeconds));
    int steadyLength = n - steadyFrom;
    if (steadyLength < Math.max(MIN_STEADY, (n + 3) / 4) || trends(x, steadyFrom, sigma, tolerance)) {
      return new ForkRun(Steadiness.NO_STEADY_STATE, n, iterationSeconds, values, jitMillis);
    }
    // Which way the series came to its steady state: the iterations before it against the steady level.
    double steadyMean = mean(x, steadyFrom, n);
    double before = steadyFrom == 0 ? steadyMean : mean(x, 0, steadyFrom);
    Steadiness kind = Math.abs(before - steadyMean) <= tolerance ? Steadiness.FLAT
        : (higherIsBetter ? before < steadyMean : before > steadyMean) ? Steadiness.WARMUP : Steadiness.SLOWDOWN;
    return new ForkRun(kind, steadyFrom, iterationSeconds, values, jitMillis);
  }

  /**
   * Whether {@code x[from..]} still climbs or falls: its least-squares slope is more than three
   * standard errors from zero (the larger of the series' noise and the stretch's own scatter) and
   * moves the level by more than {@value #TREND_FRACTION} over the stretch (a climb too short to
   * split into segments is still no steady state; a machine's slow drift of a few percent is not).
   */
  static boolean trends(double[] x, int from, double sigma, double tolerance) {
    int m = x.length - from;
    if (m < MIN_STEADY) {
      return false;
    }
    double meanT = (m - 1) / 2.0;
    double meanX = mean(x, from, x.length);
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < m; i++) {
      sxx += (i - meanT) * (i - meanT);
      sxy += (i - meanT) * (x[from + i] - meanX);
    }
    double slope = sxy / sxx;
    double residual = 0;
    for (int i = 0; i < m; i++) {
      double e = x[from + i] - meanX - slope * (i - meanT);
      residual += e * e;
    }
    double sd = m > 2 ? Math.max(sigma, Math.sqrt(residual / (m - 2))) : sigma;
    return Math.abs(slope) > 3 * sd / Math.sqrt(sxx)
        && Math.abs(slope) * (m - 1) > Math.max(Math.log1p(TREND_FRACTION), tolerance);
  }

  /** The samples of a fork's steady iterations, merged (its per-iteration histograms, in order). */
  public static Histogram steadyPart(List<Histogram> perIteration, ForkRun run) {
    Histogram merged = Latency.newHistogram();
    for (int i = run.warmupIterations(); i < perIteration.size(); i++) {
      merged.add(perIteration.get(i));
    }
    return merged;
  }

  /** The first iteration after which the JIT never again spent a tenth or more of an iteration compiling. */
  static int jitQuietFrom(List<Double> jitMillis, double iterationSeconds) {
    if (jitMillis == null || iterationSeconds <= 0) {
      return 0;
    }
    double busy = JIT_BUSY_FRACTION * iterationSeconds * 1000;
    for (int i = jitMillis.size() - 1; i >= 0; i--) {
      if (jitMillis.get(i) != null && jitMillis.get(i) > busy) {
        return i + 1;
      }
    }
    return 0;
  }

  /** Logarithms, so that levels compare by ratio (a 10% change is the same at 1k and 1M ops/s). */
  private static double[] logs(List<Double> values) {
    double[] x = new double[values.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.log(Math.max(values.get(i), Double.MIN_NORMAL));
    }
    return x;
  }

  /**
   * The iteration noise's standard deviation, robust to level changes and to trends: the median
   * absolute second difference (a step between segments is two large values among many small ones,
   * and a steady climb has none, where first differences would take the climb for noise), scaled to
   * a normal's standard deviation (a second difference of white noise has variance 6σ²). Taken
   * over the second half of the series only (at least five values): a long warm-up is mostly early,
   * and where it fills half of the series the median would take it for noise.
   */
  static double noise(double[] x) {
    int from = Math.max(0, Math.min(x.length / 2, x.length - 5));
    if (x.length - from < 3) {
      return NOISE_FLOOR;
    }
    double[] d = new double[x.length - from - 2];
    for (int i = from + 1; i < x.length - 1; i++) {
      d[i - from - 1] = Math.abs(x[i + 1] - 2 * x[i] + x[i - 1]);
    }
    Arrays.sort(d);
    double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
    return Math.max(NOISE_FLOOR, median / (0.6745 * Math.sqrt(6)));
  }

  /**
   * Where each segment starts (the first is 0): the partition minimizing the squared deviations from
   * each segment's mean, in units of σ², plus a penalty per segment. Segments hold at least
   * {@value #MIN_STEADY} values, so one or two outliers are not a segment of their own.
   */
  static int[] segmentStarts(double[] x, double sigma) {
    int n = x.length;
    double[] sum = new double[n + 1];
    double[] sumSq = new double[n + 1];
    for (int i = 0; i < n; i++) {
      sum[i + 1] = sum[i] + x[i];
      sumSq[i + 1] = sumSq[i] + x[i] * x[i];
    }
    double beta = PENALTY_PER_LOG_N * Math.log(n);
    double[] best = new double[n + 1];
    int[] from = new int[n + 1];
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = -beta;
    for (int t = MIN_STEADY; t <= n; t++) {
      for (int s = 0; s <= t - MIN_STEADY; s++) {
        if (best[s] == Double.POSITIVE_INFINITY) {
          continue;
        }
        int m = t - s;
        double seg = sum[t] - sum[s];
        double cost = (sumSq[t] - sumSq[s] - seg * seg / m) / (sigma * sigma);
        double total = best[s] + cost + beta;
        if (total < best[t]) {
          best[t] = total;
          from[t] = s;
        }
      }
    }
    List<Integer> starts = new ArrayList<>();
    for (int t = n; t > 0; t = from[t]) {
      starts.add(0, from[t]);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double mean(double[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i];
    }
    return s / (to - from);
  }
}
