package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.VariantSection;
import dev.archbench.reports.VariantComparison;
import dev.archbench.reports.VariantComparison.Row;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Tone;
import dev.archbench.reports.format.VariantsText;
import dev.archbench.reports.format.Views;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The variants of runs of variants ({@code run --variant}): per record a forest plot of every
 * variant's ratio to the baseline, one block per benchmark, and the numbers with the smallest change
 * each comparison could have detected; Markdown draws the plot as text ({@link VariantsText}).
 */
final class VariantsSection {
  private VariantsSection() {}

  private static Map<String, List<Row>> byBenchmark(VariantSection s) {
    Map<String, List<Row>> out = new LinkedHashMap<>();
    for (Row r : s.rows()) {
      out.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** The HTML sections, one per record of variants. */
  static void renderHtml(StringBuilder sb, Analysis a) {
    if (a.variants() == null || a.variants().isEmpty()) {
      return;
    }
    sb.append("<section id=\"variants\"><h2>Variants on one host</h2>\n");
    for (VariantSection s : a.variants()) {
      sb.append("<p class=\"meta\">").append(html(VariantsText.about(s))).append("</p>\n");
      List<ForestPlot.Block> blocks = new ArrayList<>();
      for (var e : byBenchmark(s).entrySet()) {
        List<ForestPlot.Interval> lines = new ArrayList<>();
        for (Row r : e.getValue()) {
          if (Views.usable(r.ratio())) {
            lines.add(new ForestPlot.Interval(r.variant(), r.ratio(), VariantsText.tone(r)));
          }
        }
        if (!lines.isEmpty()) {
          blocks.add(new ForestPlot.Block(e.getKey(), lines));
        }
      }
      if (!blocks.isEmpty()) {
        HtmlFormat.figure(sb, VariantsText.caption(s), ForestPlot.render(VariantsText.caption(s), blocks));
      }
      sb.append("<div class=\"scroll\"><table><thead><tr><th>Benchmark</th><th>Variant</th><th>Relative to ")
          .append(html(s.variants().get(0))).append("</th><th>Pairs</th><th>Detectable</th><th>Verdict</th></tr>"
              + "</thead><tbody>");
      for (Row r : s.rows()) {
        Tone t = VariantsText.tone(r);
        sb.append("<tr><td>").append(html(r.benchmark())).append("</td><td>").append(html(r.variant()))
            .append("</td><td class=\"n\">").append(html(Views.ratioText(r.ratio()))).append("</td><td class=\"n\">")
            .append(r.pairs()).append(" of ").append(r.rounds()).append("</td><td class=\"n\">")
            .append(r.detectable() == null ? "–" : "±" + html(Fmt.percent(r.detectable())))
            .append("</td><td><span class=\"tag ").append(t == Tone.BETTER ? "better" : t == Tone.WORSE ? "worse" : "nsd")
            .append("\">").append(html(VariantComparison.verdictText(r))).append("</span>")
            .append(r.note() == null ? "" : " <span class=\"ci\">" + html(r.note()) + "</span>")
            .append("</td></tr>");
      }
      sb.append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }
}
