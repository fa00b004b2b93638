package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.VariantSection;
import dev.archbench.reports.RegressionCheck.Verdict;
import dev.archbench.reports.VariantComparison;
import dev.archbench.reports.VariantComparison.Row;
import java.util.List;

/**
 * The variants of runs of variants ({@code run --variant}) in words: the tone, caption and note the
 * HTML section shares, and Markdown's section, which draws the forest plot as text on a log scale.
 */
public final class VariantsText {
  /** Characters of the text plot's axis. */
  static final int TEXT_WIDTH = 41;

  private VariantsText() {}

  /** The tone of a row: worse or better only when significant (after the correction). */
  public static Tone tone(Row r) {
    return switch (r.verdict()) {
      case REGRESSION, FAILED_IN_NEW -> Tone.WORSE;
      case IMPROVEMENT -> Tone.BETTER;
      case WITHIN_THRESHOLD -> r.ratio() != null && r.ratio().value() < 1 ? Tone.WORSE : Tone.BETTER;
      default -> Tone.UNCLEAR;
    };
  }

  public static String caption(VariantSection s) {
    return "Variants on " + s.host() + ": performance relative to " + s.variants().get(0)
        + " from paired rounds, per benchmark (95% intervals)";
  }

  public static String about(VariantSection s) {
    return "Record " + s.file() + "; baseline " + s.variants().get(0) + ", variants "
        + String.join(", ", s.variants().subList(1, s.variants().size())) + "; the forks of a round ran "
        + s.concurrency() + "; threshold " + Fmt.percent(s.threshold()) + ". Detectable: the smallest change"
        + " these pairs would have found four times in five.";
  }

  /** The Markdown sections: the forest plot as text, then the numbers. */
  static void renderMarkdown(StringBuilder sb, Analysis a) {
    if (a.variants() == null || a.variants().isEmpty()) {
      return;
    }
    sb.append("## Variants on one host\n\n");
    for (VariantSection s : a.variants()) {
      sb.append(Fmt.md(about(s))).append("\n\n").append(Fmt.md(caption(s))).append(":\n\n```\n")
          .append(textPlot(s.rows())).append("```\n\n");
      sb.append("| Benchmark | Variant | Relative to ").append(Fmt.md(s.variants().get(0)))
          .append(" | Pairs | Detectable | Verdict |\n|---|---|---|---|---|---|\n");
      for (Row r : s.rows()) {
        boolean bad = r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW;
        sb.append("| ").append(Fmt.md(r.benchmark())).append(" | ").append(Fmt.md(r.variant())).append(" | ")
            .append(Fmt.md(Views.ratioText(r.ratio()))).append(" | ").append(r.pairs()).append(" of ")
            .append(r.rounds()).append(" | ").append(r.detectable() == null ? "–" : "±" + Fmt.percent(r.detectable()))
            .append(" | ").append(bad ? "**" + VariantComparison.verdictText(r) + "**" : VariantComparison.verdictText(r))
            .append(r.note() == null ? "" : " (" + Fmt.md(r.note()) + ")").append(" |\n");
      }
      sb.append('\n');
    }
  }

  /**
   * A forest plot in text: per row, the 95% interval as {@code [---o---]} on a log axis spanning every
   * interval and 1 (marked {@code |}), the label on the left and the ratio on the right.
   */
  static String textPlot(List<Row> rows) {
    double lo = 1;
    double hi = 1;
    int labelW = 8;
    for (Row r : rows) {
      labelW = Math.max(labelW, label(r).length());
      if (Views.usable(r.ratio())) {
        lo = Math.min(lo, r.ratio().lower());
        hi = Math.max(hi, r.ratio().upper());
      }
    }
    labelW = Math.min(labelW, 60);
    double a = Math.log(lo);
    double b = Math.log(hi);
    double pad = Math.max((b - a) * 0.05, 0.01);
    a -= pad;
    b += pad;
    int one = column(1, a, b);
    StringBuilder sb = new StringBuilder();
    String axis = " ".repeat(labelW + 2) + Fmt.num(Math.exp(a)) + "×";
    String right = Fmt.num(Math.exp(b)) + "×";
    sb.append(axis).append(" ".repeat(Math.max(1, labelW + 2 + TEXT_WIDTH - axis.length() - right.length())))
        .append(right).append('\n');
    for (Row r : rows) {
      String l = label(r);
      l = l.length() > labelW ? l.substring(0, labelW - 1) + "…" : l;
      char[] line = " ".repeat(TEXT_WIDTH).toCharArray();
      line[one] = '|';
      if (Views.usable(r.ratio())) {
        int x0 = column(r.ratio().lower(), a, b);
        int x1 = column(r.ratio().upper(), a, b);
        for (int x = x0; x <= x1; x++) {
          line[x] = x == one ? '|' : '-';
        }
        line[x0] = '[';
        line[x1] = ']';
        line[column(r.ratio().value(), a, b)] = 'o';
      }
      sb.append(l).append(" ".repeat(labelW - l.length() + 2)).append(line).append("  ")
          .append(Views.ratioText(r.ratio())).append('\n');
    }
    return sb.toString();
  }

  private static String label(Row r) {
    return r.benchmark() + " " + r.variant();
  }

  private static int column(double v, double a, double b) {
    int c = (int) Math.round((Math.log(v) - a) / (b - a) * (TEXT_WIDTH - 1));
    return Math.max(0, Math.min(TEXT_WIDTH - 1, c));
  }
}
