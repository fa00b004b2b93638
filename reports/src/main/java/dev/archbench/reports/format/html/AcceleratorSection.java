package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The HTML section that puts the same model on accelerators and on CPUs side by side. */
final class AcceleratorSection {
  private AcceleratorSection() {}

  /** The same model on accelerators and on CPUs, side by side. */
  static void render(StringBuilder sb, Analysis a, List<AcceleratorGroups.Group> groups,
      Map<String, HostSummary> hosts, Map<String, String> color) {
    if (groups.isEmpty()) {
      return;
    }
    sb.append("<section id=\"accelerators\"><h2>Accelerators and CPUs</h2>\n<p class=\"meta\">The same model "
        + "and scenario on every device it ran on (parameter <code>device</code>).</p>\n");
    for (AcceleratorGroups.Group g : groups) {
      List<Svg.Bar> bars = new ArrayList<>();
      StringBuilder rows = new StringBuilder();
      for (AcceleratorGroups.Entry e : g.entries()) {
        Cell c = e.cell();
        Estimate v = g.perDollar() ? c.rates().workPerDollar() : c.rates().workPerSecond();
        if (v != null) {
          bars.add(new Svg.Bar(c.host() + " · " + e.device(), v, color.get(c.host()), HtmlFormat.noisyMark(hosts.get(c.host()))));
        }
        rows.append("<tr><td>").append(html(e.device())).append("</td><td>").append(html(e.row().benchmark()))
            .append("</td><td>").append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td><td class=\"n\">")
            .append(HtmlFormat.est(c.score(), " " + e.row().unit())).append("</td><td class=\"n\">")
            .append(HtmlFormat.est(c.rates().workPerSecond(), e.row().workUnit() == null ? "" : " " + e.row().workUnit() + "/s"))
            .append("</td><td class=\"n\">").append(HtmlFormat.est(c.rates().workPerDollar(),
                e.row().perDollarUnit() == null ? "" : " " + e.row().perDollarUnit())).append("</td></tr>");
      }
      String title = g.title() + ": " + (g.perDollar() ? "work per dollar (" + g.unit() + ")" : "throughput (" + g.unit() + ")")
          + " by device";
      if (!bars.isEmpty()) {
        HtmlFormat.figure(sb, title, Svg.bars(title, g.unit(), bars, null));
      }
      sb.append("<div class=\"scroll\"><table><thead><tr><th>Device</th><th>Benchmark</th><th>Host</th><th>Score</th>"
          + "<th>Throughput</th><th>Work per $</th></tr></thead><tbody>").append(rows).append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }

}
