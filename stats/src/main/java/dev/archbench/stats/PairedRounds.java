package dev.archbench.stats;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.ForkRun;
import dev.archbench.record.VariantRun;
import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of one variant with the baseline in one benchmark's rounds: per round, the steady
 * iterations of the baseline's fork and of the variant's. A round in which either fork never became
 * steady (or is missing, or failed) is not a pair: comparing a warm-up with a steady state would
 * measure the warm-up.
 *
 * @param base per pair, the baseline fork's steady iterations
 * @param other per pair, the variant fork's
 * @param rounds the rounds that ended
 */
public record PairedRounds(List<double[]> base, List<double[]> other, int rounds) {

  /**
   * @param baseline the baseline's result of the benchmark (may be null: no pairs)
   * @param variant the variant's result (may be null)
   */
  public static PairedRounds of(List<VariantRun.Round> rounds, String baselineName, BenchmarkResult baseline,
      String variantName, BenchmarkResult variant) {
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (VariantRun.Round r : rounds) {
      double[] x = steady(baseline, r.forkOf(baselineName));
      double[] y = steady(variant, r.forkOf(variantName));
      if (x != null && y != null) {
        a.add(x);
        b.add(y);
      }
    }
    return new PairedRounds(a, b, rounds.size());
  }

  /** How many rounds pair up. */
  public int pairs() {
    return base.size();
  }

  /** Rounds left out because a side had no steady fork. */
  public int unpaired() {
    return rounds - base.size();
  }

  private static double[] steady(BenchmarkResult r, int fork) {
    if (r == null || fork < 0 || r.forkRuns() == null || fork >= r.forkRuns().size()) {
      return null;
    }
    ForkRun f = r.forkRuns().get(fork);
    List<Double> it = f.steadyIterations();
    if (it.isEmpty()) {
      return null;
    }
    double[] out = new double[it.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = it.get(i);
    }
    for (double v : out) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return out;
  }
}
