package dev.archbench.reports.format;

import static dev.archbench.reports.format.Fmt.changeEst;
import static dev.archbench.reports.format.Fmt.est;
import static dev.archbench.reports.format.Fmt.md;
import static dev.archbench.reports.format.Fmt.num;
import static dev.archbench.reports.format.Fmt.percent;

import dev.archbench.reports.RegressionCheck;
import dev.archbench.reports.RegressionCheck.Reached;
import dev.archbench.reports.RegressionCheck.Result;
import dev.archbench.reports.RegressionCheck.Row;
import dev.archbench.reports.RegressionCheck.Verdict;
import dev.archbench.reports.price.Csv;
import dev.archbench.stats.HierarchicalBootstrap;
import java.util.List;
import java.util.Locale;

/** {@code archbench compare OLD NEW} in words: Markdown for people, CSV for scripts. */
public final class CompareText {
  private CompareText() {}

  /** The Markdown summary (for a job summary or PR comment). */
  public static String markdown(Result res, String oldName, String newName) {
    StringBuilder sb = new StringBuilder();
    sb.append("# archbench compare\n\n");
    sb.append("OLD: `").append(code(oldName)).append("` · NEW: `").append(code(newName)).append("` · threshold: ")
        .append(percent(res.threshold())).append("\n\n");
    verdictsAndWarnings(sb, res.rows().stream().map(Row::verdict).toList(), res.warnings());
    long missed = res.rows().stream().filter(Row::missedTarget).count();
    if (missed > 0) {
      sb.append("> ⚠ ").append(missed).append(missed == 1 ? " benchmark" : " benchmarks")
          .append(" stopped before reaching its precision target (marked *missed*): its interval is wider than asked.\n\n");
    }
    sb.append("| Benchmark | OLD | NEW | Change (95% interval) | Precision OLD / NEW | Verdict |\n|---|---|---|---|---|---|\n");
    for (Row r : res.rows()) {
      sb.append("| ").append(md(r.key())).append(" | ")
          .append(r.oldScore() == null ? "–" : est(r.oldScore()) + " " + md(r.unit())).append(" | ")
          .append(r.newScore() == null ? "–" : est(r.newScore()) + " " + md(r.unit())).append(" | ")
          .append(r.ratio() == null ? "–" : changeEst(r.ratio())).append(" | ")
          .append(r.oldPrecision() == null ? "–"
              : md(precision(r.oldPrecision()) + " / " + precision(r.newPrecision()))).append(" | ")
          .append(r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW ? "**" + r.verdict().text() + "**"
              : r.verdict().text())
          .append(r.note() == null ? "" : " (" + md(r.note()) + ")").append(" |\n");
    }
    sb.append("\nChange is performance NEW/OLD (for times per operation, OLD/NEW), so negative is slower. "
        + "A difference is significant when its 95% interval (hierarchical bootstrap over forks and iterations, "
        + HierarchicalBootstrap.REPLICATES + " replicates, fixed seed, widened for few forks) excludes zero and it"
        + " holds after the Benjamini-Hochberg correction over all benchmarks compared (false discovery rate "
        + percent(RegressionCheck.FALSE_DISCOVERY_RATE) + "); a regression is a significant change worse than the threshold."
        + " Precision is the 95% interval's half-width relative to the score, and the target the run asked for.\n");
    return sb.toString();
  }

  /**
   * The verdicts counted in one bold line (a benchmark that failed in NEW counts as a regression),
   * then each warning; shared by the comparison of two records and of a record's variants.
   */
  public static void verdictsAndWarnings(StringBuilder sb, List<Verdict> verdicts, List<String> warnings) {
    long reg = verdicts.stream().filter(v -> v == Verdict.REGRESSION || v == Verdict.FAILED_IN_NEW).count();
    sb.append(reg == 0 ? "**No significant regression beyond the threshold.**"
        : "**" + reg + (reg == 1 ? " regression" : " regressions") + " beyond the threshold.**")
        .append(" Improvements: ").append(verdicts.stream().filter(v -> v == Verdict.IMPROVEMENT).count())
        .append(", no significant difference: ")
        .append(verdicts.stream().filter(v -> v == Verdict.NO_SIGNIFICANT_DIFFERENCE).count()).append(".\n\n");
    for (String w : warnings) {
      sb.append("> ⚠ ").append(md(w)).append("\n\n");
    }
  }

  /** One row per benchmark for scripts (the A/A and power checks read it); numbers in Locale.ROOT. */
  public static String csv(Result res) {
    StringBuilder sb = new StringBuilder("key,verdict,ratio,ratio_lower,ratio_upper,p_value,missed_target\n");
    for (Row r : res.rows()) {
      sb.append(Csv.field(r.key())).append(',').append(r.verdict().text()).append(',')
          .append(r.ratio() == null ? "" : num(r.ratio().value())).append(',')
          .append(r.ratio() == null ? "" : num(r.ratio().lower())).append(',')
          .append(r.ratio() == null ? "" : num(r.ratio().upper())).append(',')
          .append(Double.isNaN(r.pValue()) ? "" : String.format(Locale.ROOT, "%.3g", r.pValue())).append(',')
          .append(r.missedTarget()).append('\n');
    }
    return sb.toString();
  }

  /** "±1.8% of 2%", "±1.8%" without a target: the half-width shown is the interval compared here. */
  static String precision(Reached p) {
    String reached = Double.isNaN(p.halfWidth()) ? "–" : "±" + percent(p.halfWidth());
    if (p.target() == null) {
      return reached;
    }
    return reached + " of ±" + percent(p.target()) + (p.missedTarget() ? " (missed)" : "");
  }

  private static String code(String s) {
    return s.replace("`", "'").replace("\n", " ");
  }
}
