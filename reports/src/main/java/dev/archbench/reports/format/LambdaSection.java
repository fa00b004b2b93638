package dev.archbench.reports.format;

import static dev.archbench.reports.format.Fmt.html;
import static dev.archbench.reports.format.Fmt.md;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.SizeCurve;
import dev.archbench.reports.Analysis.SizePoint;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The section on Lambda memory sizes: per benchmark, the cost of a million operations (with its
 * interval) and the p99 against memory size, one line per architecture and start (warm and cold
 * invocations apart, priced alike), and the table beside; in HTML with charts, in Markdown as the table.
 */
final class LambdaSection {
  private static final String INTRO = "A function's memory size sets its CPU share and its price. Cold: the first "
      + "invocation of a new execution environment (a new JVM, empty caches); warm: an environment that had served "
      + "before. They are kept apart, each its own line and rows, and priced alike. Cost: an operation's share of the "
      + "duration price while the function is busy; p99 from the merged latency histograms of the invocations";

  private LambdaSection() {}

  static void render(StringBuilder sb, Analysis a) {
    if (a.lambdaSizes().isEmpty()) {
      return;
    }
    sb.append("<section id=\"lambda\"><h2>Lambda memory sizes</h2><p class=\"meta\">").append(html(INTRO))
        .append(" (requests are extra: see Hosts).</p>\n");
    for (Map.Entry<String, List<SizeCurve>> e : byBenchmark(a).entrySet()) {
      List<SizeCurve> curves = e.getValue();
      BenchmarkRow row = row(a, e.getKey());
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
          table.append("<tr><td>").append(html(c.arch())).append("</td><td>").append(html(start(c)))
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

  /** The Markdown section: the HTML section's table, one row per point. */
  static void renderMarkdown(StringBuilder sb, Analysis a) {
    if (a.lambdaSizes().isEmpty()) {
      return;
    }
    sb.append("## Lambda memory sizes\n\n").append(INTRO).append(" (requests are extra).\n\n")
        .append("| Benchmark | Architecture | Start | Memory | Host | Cost | p99 |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<SizeCurve>> e : byBenchmark(a).entrySet()) {
      BenchmarkRow row = row(a, e.getKey());
      String name = row == null ? e.getKey() : Views.benchmarkName(row);
      for (SizeCurve c : e.getValue()) {
        for (SizePoint p : c.points()) {
          sb.append("| ").append(md(name)).append(" | ").append(md(c.arch())).append(" | ").append(start(c))
              .append(" | ").append(p.memoryMb()).append(" MB | ").append(md(p.host())).append(" | ")
              .append(p.costPerMillion() == null ? "–"
                  : Fmt.est(p.costPerMillion()) + " " + md(c.costUnit() == null ? "–" : c.costUnit()))
              .append(" | ").append(p.p99Ms() == null ? "–" : Fmt.num(p.p99Ms()) + " ms").append(" |\n");
        }
      }
    }
    sb.append('\n');
  }

  /** Cold or warm, or a dash for records that do not say. */
  private static String start(SizeCurve c) {
    return c.start() == null ? "–" : c.start().id();
  }

  /** The curves grouped by benchmark, in the analysis's row order. */
  static Map<String, List<SizeCurve>> byBenchmark(Analysis a) {
    Map<String, List<SizeCurve>> out = new LinkedHashMap<>();
    for (SizeCurve c : a.lambdaSizes()) {
      out.computeIfAbsent(c.benchmarkKey(), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  static BenchmarkRow row(Analysis a, String key) {
    return a.benchmarks().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
  }
}
