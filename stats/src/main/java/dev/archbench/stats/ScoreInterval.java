package dev.archbench.stats;

import dev.archbench.record.BenchmarkResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The one interval archbench shows for a score, wherever it is shown (progress line, reports,
 * {@code compare}, the runner's stopping rule): the 95% percentile bootstrap over records, forks and
 * iterations ({@link HierarchicalBootstrap}), expanded for the number of units at its top level
 * ({@link SmallSample}), with the scope of variation it covers.
 *
 * @param estimate the mean and its interval; the bounds equal the mean when {@code scope} is NONE
 * @param replicates the bootstrap replicates, for ratios and derived figures
 */
public record ScoreInterval(Estimate estimate, IntervalScope scope, double[] replicates) {

  /** Raw data of results (one per record), as records of forks of iteration values. */
  public static List<List<double[]>> levels(List<BenchmarkResult> results) {
    List<List<double[]>> records = new ArrayList<>();
    for (BenchmarkResult r : results) {
      List<double[]> forks = new ArrayList<>();
      if (r.rawData() != null) {
        for (List<Double> f : r.rawData()) {
          if (!f.isEmpty()) {
            forks.add(f.stream().mapToDouble(Double::doubleValue).toArray());
          }
        }
      }
      if (forks.isEmpty() && r.score() != null) {
        forks.add(new double[] {r.score()});
      }
      if (!forks.isEmpty()) {
        records.add(forks);
      }
    }
    return records;
  }

  /** The interval of {@code records} (at least one, each with at least one fork). */
  public static ScoreInterval of(List<List<double[]>> records, int replicates, long seed) {
    int forks = records.stream().mapToInt(List::size).sum();
    int values = records.stream().flatMap(List::stream).mapToInt(f -> f.length).sum();
    double mean = HierarchicalBootstrap.meanOfRecords(records);
    double[] reps = HierarchicalBootstrap.replicatesOfRecords(records, replicates, seed);
    SmallSample.expand(reps, mean, SmallSample.expansion(topUnits(records.size(), forks, values)));
    return new ScoreInterval(Estimate.of(mean, reps), IntervalScope.of(records.size(), forks, values), reps);
  }

  /**
   * The independent units at the top level the bootstrap resamples: records when there are several,
   * else forks, else the iterations of the one fork.
   */
  public static int topUnits(int records, int forks, int values) {
    return records > 1 ? records : forks > 1 ? forks : values;
  }

  /**
   * The half-width of the interval as a fraction of the estimate (the larger side, as the interval
   * need not be symmetric); NaN when the estimate is zero or not finite.
   */
  public double relativeHalfWidth() {
    Estimate e = estimate;
    double half = Math.max(e.upper() - e.value(), e.value() - e.lower());
    return e.value() == 0 || !finite() ? Double.NaN : half / Math.abs(e.value());
  }

  /**
   * The bootstrap seed of one benchmark on one host: fixed, so that reports are reproducible, and
   * different between hosts, so that their replicates are independent when divided.
   */
  public static long seed(String hostKey, String resultKey) {
    return dev.archbench.random.SplitMix64.seedOf(hostKey + "\n" + resultKey);
  }

  /** One record's result on {@code hostKey}: the interval its report cell shows when it is the only record. */
  public static ScoreInterval of(BenchmarkResult r, String hostKey) {
    return of(levels(List.of(r)), HierarchicalBootstrap.REPLICATES, seed(hostKey, r.key()));
  }

  /** Whether every figure is a finite number (values near the double range overflow when summed). */
  public boolean finite() {
    return Double.isFinite(estimate.value()) && Double.isFinite(estimate.lower())
        && Double.isFinite(estimate.upper());
  }
}
