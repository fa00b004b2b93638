package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Knee;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.KneeCell;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The knee of a load test on one host, from its results in every record: each fork's knee is one
 * value, bootstrapped over records and forks as a score is ({@link ScoreInterval}), with the cost
 * of serving at it and how the searches ended.
 */
final class KneeEstimation {
  /** Seed offset of the knee's bootstrap (independent of the score's). */
  private static final long KNEE_SEED = 0x6b6e6565L;

  private KneeEstimation() {}

  /**
   * The knee over records and forks, when the results have one with one bound and percentile;
   * {@code scoreSeed} is the cell's score seed, which the knee's bootstrap offsets by a constant.
   */
  static KneeCell estimate(List<BenchmarkResult> ok, HostSummary hs, int b, long scoreSeed, List<String> notes) {
    List<Knee> knees = ok.stream().map(BenchmarkResult::knee).filter(Objects::nonNull).toList();
    if (knees.isEmpty()) {
      return null;
    }
    Knee first = knees.get(0);
    if (knees.stream().anyMatch(k -> k.boundMs() != first.boundMs() || !k.percentile().equals(first.percentile())
        || !Objects.equals(k.unit(), first.unit()))) {
      notes.add("knee not combined: records measured it at different latency bounds");
      return null;
    }
    List<List<double[]>> levels = new ArrayList<>();
    for (Knee k : knees) {
      List<double[]> forks = new ArrayList<>();
      k.rates().forEach(rate -> forks.add(new double[] {rate}));
      levels.add(forks);
    }
    Knee.Found found = combined(knees);
    String disagreement = found == null ? disagreement(knees) : null;
    if (found == null) {
      // Records disagree: their knees together, with an interval over records, are the measurement.
      found = Knee.Found.BRACKETED;
      notes.add("knee: " + disagreement);
    }
    ScoreInterval si = ScoreInterval.of(levels, b, scoreSeed ^ KNEE_SEED);
    Estimate rate = Rounding.r6(si.estimate());
    if (rate == null || !(rate.lower() > 0)) {
      notes.add("knee not computed: the value overflows or is undefined");
      return null;
    }
    Estimate cost = null;
    Optional<ScoreUnit> ku = ScoreUnit.of(first.unit());
    if (ku.isPresent() && !ku.get().inverted() && hs.priceCompared() && hs.usdPerHour() != null
        && found != Knee.Found.UPPER_BOUND) {
      double usd = hs.usdPerHour();
      double f = ku.get().factor();
      cost = CellEstimation.finite(rate.map(x -> usd / (x * f * 3600) * 1e6), "cost per million at the knee", notes);
    }
    Knee.LimitedBy limit = knees.stream().anyMatch(k -> k.limitedBy() == Knee.LimitedBy.GENERATOR)
        ? Knee.LimitedBy.GENERATOR
        : knees.stream().map(Knee::limitedBy).filter(l -> l != null).findFirst().orElse(null);
    return new KneeCell(rate, si.scope(), first.unit(), first.percentile(), first.boundMs(), found, cost,
        disagreement, knees.stream().flatMap(k -> k.steps().stream()).toList(), limit);
  }

  /** How the searches of a host's records ended, when they all ended the same way; else null. */
  static Knee.Found combined(List<Knee> knees) {
    return knees.stream().allMatch(k -> k.found() == knees.get(0).found()) ? knees.get(0).found() : null;
  }

  /** {@code records disagree (bracketed in 1, upper-bound in 1): the interval spans their knees}. */
  private static String disagreement(List<Knee> knees) {
    Map<Knee.Found, Integer> n = new EnumMap<>(Knee.Found.class);
    knees.forEach(k -> n.merge(k.found(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder("records disagree (");
    n.forEach((f, c) -> sb.append(sb.charAt(sb.length() - 1) == '(' ? "" : ", ").append(f.id()).append(" in ").append(c));
    return sb.append("): the interval spans their knees").toString();
  }
}
