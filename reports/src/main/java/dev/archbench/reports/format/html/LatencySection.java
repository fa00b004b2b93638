package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.record.Percentile;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.KneeCell;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The HTML section on latency: against load at each knee, and the percentiles of merged histograms. */
final class LatencySection {
  private LatencySection() {}

  static void render(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts, Map<String, String> color) {
    List<BenchmarkRow> pct = Views.withPercentiles(a);
    List<BenchmarkRow> knees = Views.withKnee(a);
    if (pct.isEmpty() && knees.isEmpty()) {
      return;
    }
    sb.append("<section id=\"latency\"><h2>Latency</h2>\n");
    if (!knees.isEmpty()) {
      sb.append("<h3>Latency against load</h3><p class=\"meta\">Each host's knee: the highest offered rate whose "
          + "latency percentile stayed within the bound (dashed line), at the latency measured there. A dot: a higher "
          + "rate broke the bound; ▶: every rate tried met it (the knee is higher); ◀: none did (the knee is lower). "
          + "Thin lines: each fork's search, step by step (steps above three times the bound on the top edge)."
          + (knees.stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.knee() != null && c.knee().searches().stream()
              .flatMap(List::stream).anyMatch(st -> !st.valid()))
              ? " ×: a step not used for the knee (the load generator on its own host was above half of its CPUs,"
                  + " or answers were wrong)." : "")
          + "</p>\n");
      for (BenchmarkRow r : knees) {
        List<KneeChart.Point> pts = new ArrayList<>();
        KneeCell any = null;
        StringBuilder table = new StringBuilder();
        for (Cell c : r.cells()) {
          KneeCell k = c.knee();
          if (k == null) {
            continue;
          }
          any = k;
          Double lat = c.latency() == null ? null : c.latency().percentilesMs().get(k.percentile());
          pts.add(new KneeChart.Point(c.host(), color.get(c.host()), k.rate(), lat, k.found(), k.searches()));
          table.append("<tr><td>").append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td><td class=\"n\">")
              .append(html(Views.kneePrefix(k))).append(HtmlFormat.est(k.rate(), " " + HtmlFormat.dash(k.unit()))).append("</td><td>")
              .append(html(k.found().id())).append("</td><td class=\"n\">")
              .append(lat == null ? "–" : html(Fmt.num(lat) + " ms")).append("</td><td class=\"n\">")
              .append(html(k.percentile().key() + " < " + Fmt.num(k.boundMs()))).append(" ms</td><td class=\"n\">")
              .append(k.costPerMillion() == null ? "–" : HtmlFormat.est(k.costPerMillion(), "")).append("</td><td>")
              .append(html(String.join("; ", java.util.stream.Stream.of(k.disagreement(), Views.limitNote(k))
                  .filter(n -> n != null && !n.isEmpty()).toList()))).append("</td></tr>");
        }
        String title = "Latency against load: " + Views.benchmarkName(r);
        HtmlFormat.figure(sb, title, KneeChart.render(title, HtmlFormat.dash(any.unit()), any.percentile(), any.boundMs(), pts));
        sb.append("<div class=\"scroll\"><table><thead><tr><th>Host</th><th>Knee</th><th>Search ended</th>"
            + "<th>Latency at the knee</th><th>Bound</th><th>$ per million at the knee</th><th>Note</th></tr></thead><tbody>")
            .append(table).append("</tbody></table></div>\n");
      }
    }
    if (!pct.isEmpty()) {
      sb.append("<details><summary>Latency percentiles (").append(pct.size()).append(pct.size() == 1 ? " benchmark" : " benchmarks")
          .append(")</summary>\n");
      for (BenchmarkRow r : pct) {
        TreeSet<Percentile> keys = new TreeSet<>();
        for (Cell c : r.cells()) {
          if (c.latency() != null) {
            keys.addAll(c.latency().percentilesMs().keySet());
          }
        }
        List<String> xs = keys.stream().map(Percentile::key).toList();
        List<Svg.Series> lines = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        for (Cell c : r.cells()) {
          if (c.latency() == null) {
            continue;
          }
          List<Svg.Point> pts = new ArrayList<>();
          c.latency().percentilesMs().forEach((k, v) -> pts.add(new Svg.Point(k.key(), new Estimate(v, v, v))));
          lines.add(new Svg.Series(c.host(), color.get(c.host()), pts));
          table.append("<tr><td>").append(html(c.host())).append("</td>");
          for (Percentile p : keys) {
            Double v = c.latency().percentilesMs().get(p);
            table.append("<td class=\"n\">").append(v == null ? "–" : html(Fmt.num(v))).append("</td>");
          }
          table.append("<td>").append(html(c.latency().source())).append("</td></tr>");
        }
        String title = "Latency percentiles: " + Views.seriesName(r) + " @" + r.threads();
        HtmlFormat.figure(sb, title, Svg.lines(title, "percentile", "ms", xs, lines));
        sb.append("<div class=\"scroll\"><table><thead><tr><th>Host</th>");
        for (String x : xs) {
          sb.append("<th>").append(html(x)).append(" (ms)</th>");
        }
        sb.append("<th>Source</th></tr></thead><tbody>").append(table).append("</tbody></table></div>\n");
      }
      sb.append("</details>\n");
    }
    sb.append("</section>\n");
  }

}
