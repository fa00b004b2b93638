package dev.archbench.reports;

import static dev.archbench.reports.format.Fmt.md;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Status;
import dev.archbench.record.Precision;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.price.Csv;
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
   * @param precision what each side's precision target asked and reached, in words, or null when
   *     neither record carries one
   * @param missedTarget whether OLD or NEW stopped before reaching its precision target
   */
  public record Row(String key, String unit, Estimate oldScore, Estimate newScore, Estimate ratio,
      Verdict verdict, String note, double pValue, String precision, boolean missedTarget) {

    Row(String key, String unit, Estimate oldScore, Estimate newScore, Estimate ratio, Verdict verdict,
        String note) {
      this(key, unit, oldScore, newScore, ratio, verdict, note, Double.NaN, null, false);
    }

    Row withVerdict(Verdict v, String extraNote) {
      String n = extraNote == null ? note : note == null ? extraNote : note + "; " + extraNote;
      return new Row(key, unit, oldScore, newScore, ratio, v, n, pValue, precision, missedTarget);
    }
  }

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
        FalseDiscovery.pValueOfRatio(ratio, r.value()), precision(a, ia) + " / " + precision(b, ib), missed);
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

  /** "±1.8% of 2%", "±1.8%" without a target: the half-width shown is the interval compared here. */
  private static String precision(BenchmarkResult r, ScoreInterval si) {
    double hw = si.relativeHalfWidth();
    String reached = Double.isNaN(hw) ? "–" : "±" + Fmt.percent(hw);
    Precision p = r.precision();
    if (p == null || p.target() == null) {
      return reached;
    }
    return reached + " of ±" + Fmt.percent(p.target()) + (p.missedTarget() ? " (missed)" : "");
  }

  /** The Markdown summary (for a job summary or PR comment). */
  public static String markdown(Result res, String oldName, String newName) {
    StringBuilder sb = new StringBuilder();
    sb.append("# archbench compare\n\n");
    sb.append("OLD: `").append(code(oldName)).append("` · NEW: `").append(code(newName)).append("` · threshold: ")
        .append(Fmt.percent(res.threshold())).append("\n\n");
    long reg = res.count(Verdict.REGRESSION) + res.count(Verdict.FAILED_IN_NEW);
    sb.append(reg == 0 ? "**No significant regression beyond the threshold.**"
        : "**" + reg + (reg == 1 ? " regression" : " regressions") + " beyond the threshold.**")
        .append(" Improvements: ").append(res.count(Verdict.IMPROVEMENT)).append(", no significant difference: ")
        .append(res.count(Verdict.NO_SIGNIFICANT_DIFFERENCE)).append(".\n\n");
    for (String w : res.warnings()) {
      sb.append("> ⚠ ").append(md(w)).append("\n\n");
    }
    long missed = res.rows().stream().filter(Row::missedTarget).count();
    if (missed > 0) {
      sb.append("> ⚠ ").append(missed).append(missed == 1 ? " benchmark" : " benchmarks")
          .append(" stopped before reaching its precision target (marked *missed*): its interval is wider than asked.\n\n");
    }
    sb.append("| Benchmark | OLD | NEW | Change (95% interval) | Precision OLD / NEW | Verdict |\n|---|---|---|---|---|---|\n");
    for (Row r : res.rows()) {
      sb.append("| ").append(md(r.key())).append(" | ")
          .append(r.oldScore() == null ? "–" : Fmt.est(r.oldScore()) + " " + md(r.unit())).append(" | ")
          .append(r.newScore() == null ? "–" : Fmt.est(r.newScore()) + " " + md(r.unit())).append(" | ")
          .append(r.ratio() == null ? "–" : Fmt.changeEst(r.ratio())).append(" | ")
          .append(r.precision() == null ? "–" : md(r.precision())).append(" | ")
          .append(r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW ? "**" + r.verdict().text() + "**"
              : r.verdict().text())
          .append(r.note() == null ? "" : " (" + md(r.note()) + ")").append(" |\n");
    }
    sb.append("\nChange is performance NEW/OLD (for times per operation, OLD/NEW), so negative is slower. "
        + "A difference is significant when its 95% interval (hierarchical bootstrap over forks and iterations, "
        + HierarchicalBootstrap.REPLICATES + " replicates, fixed seed, widened for few forks) excludes zero and it"
        + " holds after the Benjamini-Hochberg correction over all benchmarks compared (false discovery rate "
        + Fmt.percent(FALSE_DISCOVERY_RATE) + "); a regression is a significant change worse than the threshold."
        + " Precision is the 95% interval's half-width relative to the score, and the target the run asked for.\n");
    return sb.toString();
  }

  /** One row per benchmark for scripts (the A/A and power checks read it); numbers in Locale.ROOT. */
  public static String csv(Result res) {
    StringBuilder sb = new StringBuilder("key,verdict,ratio,ratio_lower,ratio_upper,p_value,missed_target\n");
    for (Row r : res.rows()) {
      sb.append(Csv.field(r.key())).append(',').append(r.verdict().text()).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().value())).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().lower())).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().upper())).append(',')
          .append(Double.isNaN(r.pValue()) ? "" : String.format(java.util.Locale.ROOT, "%.3g", r.pValue())).append(',')
          .append(r.missedTarget()).append('\n');
    }
    return sb.toString();
  }

  private static String code(String s) {
    return s.replace("`", "'").replace("\n", " ");
  }
}
