package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTML section of thread-scaling curves: throughput and efficiency by thread count, with their numbers. */
final class ThreadScalingSection {
  private ThreadScalingSection() {}

  static void render(StringBuilder sb, Analysis a, Map<String, List<BenchmarkRow>> series,
      Map<String, String> color) {
    if (series.isEmpty()) {
      return;
    }
    sb.append("<section id=\"scaling\"><h2>Thread scaling</h2>\n<p class=\"meta\">Throughput by thread count, "
        + "and efficiency: throughput per thread relative to the fewest threads measured (1 = linear scaling; "
        + "point estimates).</p>\n");
    for (List<BenchmarkRow> rows : series.values()) {
      List<BenchmarkRow> sorted = rows.stream().sorted(java.util.Comparator.comparingInt(BenchmarkRow::threads)).toList();
      List<String> xs = sorted.stream().map(r -> String.valueOf(r.threads())).distinct().toList();
      List<Svg.Series> lines = new ArrayList<>();
      List<Svg.Series> effLines = new ArrayList<>();
      BenchmarkRow first = sorted.get(0);
      boolean rate = first.workUnit() != null;
      StringBuilder table = new StringBuilder();
      for (HostSummary h : a.hosts()) {
        List<Svg.Point> pts = new ArrayList<>();
        List<Svg.Point> eff = new ArrayList<>();
        Double perThread0 = null;
        for (BenchmarkRow r : sorted) {
          for (Cell c : r.cells()) {
            Estimate y = rate ? c.rates().workPerSecond() : c.score();
            if (!c.host().equals(h.key()) || y == null) {
              continue;
            }
            pts.add(new Svg.Point(String.valueOf(r.threads()), y));
            String e = "–";
            if (rate) {
              double perThread = y.value() / r.threads();
              if (perThread0 == null) {
                perThread0 = perThread;
              }
              double ef = perThread / perThread0;
              eff.add(new Svg.Point(String.valueOf(r.threads()), new Estimate(ef, ef, ef)));
              e = Fmt.num(ef);
            }
            table.append("<tr><td class=\"n\">").append(r.threads()).append("</td><td>").append(html(h.key()))
                .append("</td><td class=\"n\">").append(HtmlFormat.est(y, "")).append("</td><td class=\"n\">")
                .append(c.rates().perVcpu() == null ? "–" : html(Fmt.num(c.rates().perVcpu().value())))
                .append("</td><td class=\"n\">").append(html(e)).append("</td></tr>");
          }
        }
        if (!pts.isEmpty()) {
          lines.add(new Svg.Series(h.key(), color.get(h.key()), pts));
          effLines.add(new Svg.Series(h.key(), color.get(h.key()), eff));
        }
      }
      String unit = rate ? first.workUnit() + "/s" : first.unit();
      String name = Views.seriesName(first);
      sb.append("<h3>").append(html(name)).append("</h3>\n");
      HtmlFormat.figure(sb, "Throughput by threads: " + name, Svg.lines("Throughput by threads: " + name, "threads", unit, xs, lines));
      if (rate) {
        HtmlFormat.figure(sb, "Scaling efficiency: " + name, Svg.lines("Scaling efficiency: " + name, "threads",
            "throughput per thread ÷ at " + first.threads() + (first.threads() == 1 ? " thread" : " threads"), xs, effLines));
      }
      sb.append("<details><summary>The numbers of these charts</summary><div class=\"scroll\"><table><thead><tr>"
          + "<th>Threads</th><th>Host</th><th>").append(html(unit)).append("</th><th>Per vCPU</th><th>Efficiency</th>"
          + "</tr></thead><tbody>").append(table).append("</tbody></table></div></details>\n");
    }
    sb.append("</section>\n");
  }

}
