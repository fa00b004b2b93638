package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.SizeCurves.SizeCurve;
import dev.archbench.reports.SizeCurves.SizePoint;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The section on Lambda memory sizes: per benchmark, the cost of a million operations (with its
 * interval) and the p99 against memory size, one line per architecture and start (warm and cold
 * invocations apart, priced alike), and the table beside; with charts ({@link
 * dev.archbench.reports.format.MarkdownFormat} shows the table alone).
 */
final class LambdaSection {
  private LambdaSection() {}

  static void render(StringBuilder sb, Analysis a) {
    if (a.lambdaSizes().isEmpty()) {
      return;
    }
    sb.append("<section id=\"lambda\"><h2>Lambda memory sizes</h2><p class=\"meta\">").append(html(Views.LAMBDA_INTRO))
        .append(" (requests are extra: see Hosts).</p>\n");
    for (Map.Entry<String, List<SizeCurve>> e : Views.lambdaByBenchmark(a).entrySet()) {
      List<SizeCurve> curves = e.getValue();
      BenchmarkRow row = Views.row(a, e.getKey());
      String name = row == null ? e.getKey() : Views.benchmarkName(row);
      TreeSet<Integer> sizes = new TreeSet<>();
      curves.forEach(c -> c.points().forEach(p -> sizes.add(p.memoryMb())));
      List<String> xs = sizes.stream().map(mb -> mb + " MB").toList();
      List<String> colors = Svg.colors(curves.size());
      List<Svg.Series> cost = new ArrayList<>();
      List<Svg.Series> p99 = new ArrayList<>();
      StringBuilder table = new StringBuilder();
      for (int i = 0; i < curves.size(); i++) {
        SizeCurve c = curves.get(i);
        List<Svg.Point> costPts = new ArrayList<>();
        List<Svg.Point> p99Pts = new ArrayList<>();
        for (SizePoint p : c.points()) {
          if (p.costPerMillion() != null) {
            costPts.add(new Svg.Point(p.memoryMb() + " MB", p.costPerMillion()));
          }
          if (p.p99Ms() != null) {
            p99Pts.add(new Svg.Point(p.memoryMb() + " MB", new Estimate(p.p99Ms(), p.p99Ms(), p.p99Ms())));
          }
          table.append("<tr><td>").append(html(c.arch())).append("</td><td>").append(html(Views.lambdaStart(c)))
              .append("</td><td class=\"n\">").append(p.memoryMb())
              .append(" MB</td><td>").append(html(p.host())).append("</td><td class=\"n\">")
              .append(p.costPerMillion() == null ? "–" : HtmlFormat.est(p.costPerMillion(), ""))
              .append("</td><td class=\"n\">").append(p.p99Ms() == null ? "–" : html(Fmt.num(p.p99Ms()) + " ms"))
              .append("</td></tr>");
        }
        if (!costPts.isEmpty()) {
          cost.add(new Svg.Series(c.series(), colors.get(i), costPts));
        }
        if (!p99Pts.isEmpty()) {
          p99.add(new Svg.Series(c.series(), colors.get(i), p99Pts));
        }
      }
      String unit = curves.get(0).costUnit() == null ? "$ per million" : curves.get(0).costUnit();
      if (!cost.isEmpty()) {
        String title = "Lambda cost against memory size: " + name;
        HtmlFormat.figure(sb, title, Svg.lines(title, "memory size", unit, xs, cost));
      }
      if (!p99.isEmpty()) {
        String title = "Lambda p99 against memory size: " + name;
        HtmlFormat.figure(sb, title, Svg.lines(title, "memory size", "p99 latency, ms", xs, p99));
      }
      sb.append("<div class=\"scroll\"><table><thead><tr><th>Architecture</th><th>Start</th><th>Memory</th><th>Host</th><th>Cost (")
          .append(html(unit)).append(")</th><th>p99</th></tr></thead><tbody>").append(table)
          .append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }
}
