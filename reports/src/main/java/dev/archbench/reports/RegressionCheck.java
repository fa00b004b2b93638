package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Status;
import dev.archbench.record.Precision;
import dev.archbench.record.RunRecord;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.FalseDiscovery;
import dev.archbench.stats.HierarchicalBootstrap;
import dev.archbench.stats.IntervalScope;
import dev.archbench.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code archbench compare}: two runs of the same host, benchmark by benchmark. A difference is
 * significant when the performance ratio's (NEW / OLD, above 1 is better whatever the unit) 95%
 * interval excludes 1 <em>and</em> it survives the Benjamini-Hochberg procedure over all benchmarks
 * compared at a false discovery rate of 5% ({@link FalseDiscovery}): a suite of 100 benchmarks
 * tested one by one at 95% would call about five differences in two identical runs. A regression is
 * a significant ratio worse than the threshold; a benchmark that ran in OLD and failed in NEW is a
 * regression too. Same interval as the report and the progress line ({@link ScoreInterval}).
 */
public final class RegressionCheck {
  private RegressionCheck() {}

  public enum Verdict {
    REGRESSION("regression"),
    IMPROVEMENT("improvement"),
    WITHIN_THRESHOLD("significant, within threshold"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    FAILED_IN_NEW("failed in NEW"),
    MISSING_IN_NEW("missing in NEW"),
    NEW("only in NEW"),
    NOT_COMPARED("not compared");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }

    /**
     * The verdict of a ratio NEW ÷ OLD oriented so that above 1 is better: significant when its
     * interval excludes 1, a regression or improvement only beyond {@code threshold}.
     */
    public static Verdict of(Estimate ratio, double threshold) {
      if (ratio.upper() < 1) {
        return ratio.value() < 1 - threshold ? REGRESSION : WITHIN_THRESHOLD;
      }
      if (ratio.lower() > 1) {
        return ratio.value() > 1 + threshold ? IMPROVEMENT : WITHIN_THRESHOLD;
      }
      return NO_SIGNIFICANT_DIFFERENCE;
    }
  }

  /**
   * @param pValue two-sided p-value of "no difference" from the ratio's replicates, or NaN when not
   *     compared
   * @param oldPrecision what OLD's precision target asked and its interval reached; null when not
   *     compared, as {@code newPrecision}
   * @param missedTarget whether OLD or NEW stopped before reaching its precision target
   */
  public record Row(String key, String unit, Estimate oldScore, Estimate newScore, Estimate ratio,
      Verdict verdict, String note, double pValue, Reached oldPrecision, Reached newPrecision,
      boolean missedTarget) {

    Row(String key, String unit, Estimate oldScore, Estimate newScore, Estimate ratio, Verdict verdict,
        String note) {
      this(key, unit, oldScore, newScore, ratio, verdict, note, Double.NaN, null, null, false);
    }

    Row withVerdict(Verdict v, String extraNote) {
      String n = extraNote == null ? note : note == null ? extraNote : note + "; " + extraNote;
      return new Row(key, unit, oldScore, newScore, ratio, v, n, pValue, oldPrecision, newPrecision, missedTarget);
    }
  }

  /**
   * One side's precision: the half-width of the interval compared here, relative to its score (NaN
   * when undefined), and the target its run asked for (null without one) and whether it missed it.
   */
  public record Reached(double halfWidth, Double target, boolean missedTarget) {}

  /** The false discovery rate the verdicts control across the benchmarks of one comparison. */
  public static final double FALSE_DISCOVERY_RATE = 0.05;

  /** The comparison; {@link #regressed()} decides the exit code. */
  public record Result(List<Row> rows, List<String> warnings, double threshold) {
    public boolean regressed() {
      return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW);
    }

    public long count(Verdict v) {
      return rows.stream().filter(r -> r.verdict() == v).count();
    }
  }

  public static Result compare(LoadedRecord oldRec, LoadedRecord newRec, double threshold) {
    List<String> warnings = new ArrayList<>();
    RunRecord o = oldRec.record();
    RunRecord n = newRec.record();
    String ho = o.hostKey();
    String hn = n.hostKey();
    if (!java.util.Objects.equals(o.host().id(), n.host().id()) || !ho.equals(hn)) {
      warnings.add("the records come from different hosts (" + ho + ", " + hn
          + "); compare is meant for two runs of the same host");
    }
    if (o.run().id().equals(n.run().id())) {
      warnings.add("OLD and NEW are the same run (" + o.run().id() + ")");
    }
    Map<String, BenchmarkResult> olds = index(o);
    Map<String, BenchmarkResult> news = index(n);
    TreeMap<String, Boolean> keys = new TreeMap<>();
    olds.keySet().forEach(k -> keys.put(k, true));
    news.keySet().forEach(k -> keys.put(k, true));
    List<Row> rows = new ArrayList<>();
    for (String key : keys.keySet()) {
      BenchmarkResult a = olds.get(key);
      BenchmarkResult b = news.get(key);
      rows.add(row(key, a, b, threshold, oldRec.file(), newRec.file(), ho, hn, warnings));
    }
    return new Result(controlFalseDiscoveries(rows), warnings, threshold);
  }

  /**
   * Keeps a significant verdict only where Benjamini-Hochberg at {@link #FALSE_DISCOVERY_RATE}
   * rejects "no difference" among all the benchmarks that were compared.
   */
  static List<Row> controlFalseDiscoveries(List<Row> rows) {
    double[] p = rows.stream().filter(r -> !Double.isNaN(r.pValue())).mapToDouble(Row::pValue).toArray();
    double cutoff = FalseDiscovery.cutoff(p, FALSE_DISCOVERY_RATE);
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      boolean significant = r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT
          || r.verdict() == Verdict.WITHIN_THRESHOLD;
      if (significant && !(r.pValue() <= cutoff)) {
        out.add(r.withVerdict(Verdict.NO_SIGNIFICANT_DIFFERENCE, "its interval excludes no change, but not"
            + " after correcting for " + p.length + " comparisons"));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  private static Map<String, BenchmarkResult> index(RunRecord r) {
    Map<String, BenchmarkResult> m = new TreeMap<>();
    for (BenchmarkResult x : r.results()) {
      m.put(x.key(), x);
    }
    return m;
  }

  private static Row row(String key, BenchmarkResult a, BenchmarkResult b, double threshold,
      String oldFile, String newFile, String oldHost, String newHost, List<String> warnings) {
    if (a == null) {
      return new Row(key, b.unit(), null, null, null, Verdict.NEW, null);
    }
    if (b == null) {
      return new Row(key, a.unit(), null, null, null, a.isOk() ? Verdict.MISSING_IN_NEW : Verdict.NOT_COMPARED, null);
    }
    String badA = InputValidation.badNumbers(a);
    String badB = InputValidation.badNumbers(b);
    if (badA != null) {
      warnings.add(oldFile + ": result " + key + ": " + badA);
    }
    if (badB != null) {
      warnings.add(newFile + ": result " + key + ": " + badB);
    }
    if (!a.isOk() || badA != null) {
      return new Row(key, a.unit(), null, null, null, Verdict.NOT_COMPARED, "not ok in OLD: " + a.status().id()
          + (Status.UNSTEADY.equals(a.status()) ? " (" + a.reason() + ")" : ""));
    }
    if (Status.UNSTEADY.equals(b.status())) {
      return new Row(key, a.unit(), null, null, null, Verdict.NOT_COMPARED, "not steady in NEW: " + b.reason());
    }
    if (!b.isOk() || badB != null) {
      return new Row(key, a.unit(), null, null, null, b.isOk() ? Verdict.NOT_COMPARED : Verdict.FAILED_IN_NEW,
          b.reason() != null ? b.reason() : badB);
    }
    if (!java.util.Objects.equals(a.unit(), b.unit())) {
      return new Row(key, a.unit(), null, null, null, Verdict.NOT_COMPARED, "unit changed to " + b.unit());
    }
    // OLD's interval is the one its report and progress line show; NEW's replicates must be
    // independent of OLD's, so its seed differs.
    int reps = HierarchicalBootstrap.REPLICATES;
    ScoreInterval ia = ScoreInterval.of(ScoreInterval.levels(List.of(a)), reps, ScoreInterval.seed(oldHost, key));
    ScoreInterval ib = ScoreInterval.of(ScoreInterval.levels(List.of(b)), reps,
        ScoreInterval.seed(newHost, key) ^ 0x6e6577L);
    if (!ia.finite() || !ib.finite()) {
      return new Row(key, a.unit(), null, null, null, Verdict.NOT_COMPARED,
          "score not computed: its values overflow double-precision arithmetic");
    }
    if (ia.scope() == IntervalScope.NONE || ib.scope() == IntervalScope.NONE) {
      return new Row(key, a.unit(), Rounding.r6(ia.estimate()), Rounding.r6(ib.estimate()), null,
          Verdict.NOT_COMPARED, IntervalScope.NONE.caveat());
    }
    double[] ra = ia.replicates();
    double[] rb = ib.replicates();
    double ma = ia.estimate().value();
    double mb = ib.estimate().value();
    Optional<ScoreUnit> su = ScoreUnit.of(a.unit());
    boolean lowerBetter = su.map(ScoreUnit::inverted).orElse(!a.higherIsBetter());
    double[] ratio = new double[reps];
    for (int i = 0; i < reps; i++) {
      ratio[i] = lowerBetter ? ra[i] / rb[i] : rb[i] / ra[i];
    }
    Estimate r = Estimate.of(lowerBetter ? ma / mb : mb / ma, ratio);
    Verdict v = Verdict.of(r, threshold);
    String note = ia.scope().compareTo(ib.scope()) >= 0 ? ia.scope().caveat() : ib.scope().caveat();
    boolean missed = missed(a) || missed(b);
    if (missed) {
      note = (note == null ? "" : note + "; ") + "missed its precision target in " + (missed(a) && missed(b)
          ? "OLD and NEW" : missed(a) ? "OLD" : "NEW");
    }
    String leftOut = leftOut(a, "OLD") + leftOut(b, "NEW");
    if (!leftOut.isEmpty()) {
      note = (note == null ? "" : note + "; ") + leftOut.substring(2);
    }
    return new Row(key, a.unit(), Rounding.r6(ia.estimate()), Rounding.r6(ib.estimate()), Rounding.r6(r), v, note,
        FalseDiscovery.pValueOfRatio(ratio, r.value()), precision(a, ia), precision(b, ib), missed);
  }

  /** "; 2 forks not steady in NEW, left out", or "" when every fork was steady (or none was classified). */
  private static String leftOut(BenchmarkResult r, String side) {
    Integer steady = r.steadyForks();
    int n = steady == null ? 0 : r.forkRuns().size() - steady;
    return n == 0 ? "" : "; " + n + (n == 1 ? " fork" : " forks") + " not steady in " + side + ", left out";
  }

  private static boolean missed(BenchmarkResult r) {
    return r.precision() != null && r.precision().missedTarget();
  }

  /** The half-width of the interval compared here, beside the target the run asked for. */
  private static Reached precision(BenchmarkResult r, ScoreInterval si) {
    Precision p = r.precision();
    boolean targeted = p != null && p.target() != null;
    return new Reached(si.relativeHalfWidth(), targeted ? p.target() : null, targeted && p.missedTarget());
  }
}
