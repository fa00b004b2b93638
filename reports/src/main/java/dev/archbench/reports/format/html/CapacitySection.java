package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import java.util.HashMap;
import java.util.Map;

/** The HTML section answering each {@code --target-load}: instances and monthly cost per host. */
final class CapacitySection {
  private CapacitySection() {}

  static void render(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts) {
    if (a.capacity().isEmpty()) {
      return;
    }
    sb.append("<section id=\"capacity\"><h2>Capacity planning</h2>\n");
    Map<String, BenchmarkRow> rows = new HashMap<>();
    a.benchmarks().forEach(r -> rows.put(r.key(), r));
    for (CapacityPlan p : a.capacity()) {
      sb.append("<h3>").append(html(p.target())).append("</h3><div class=\"scroll\"><table><thead><tr><th>Host</th>"
          + "<th>Benchmark</th><th>Knee</th><th>Instances</th><th>Monthly cost (730 h)</th>"
          + "<th>Conservative (knee lower bound)</th><th>Note</th></tr></thead><tbody>");
      for (CapacityAnswer c : p.answers()) {
        // The row's readable name (spaces between parameters) wraps; the bare key would not.
        BenchmarkRow row = c.benchmark() == null ? null : rows.get(c.benchmark());
        String bench = row == null ? HtmlFormat.dash(c.benchmark()) : Views.benchmarkName(row);
        sb.append("<tr><td>").append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td><td>").append(html(bench))
            .append("</td><td class=\"n\">").append(c.knee() == null ? "–" : HtmlFormat.est(c.knee(), ""))
            .append("</td><td class=\"n\">").append(c.instances() == null ? "–" : c.instances())
            .append("</td><td class=\"n\">").append(c.monthlyUsd() == null ? "–" : html(Fmt.usd(c.monthlyUsd())))
            .append("</td><td class=\"n\">").append(c.instancesConservative() == null ? "–"
                : c.instancesConservative() + (c.monthlyUsdConservative() == null ? "" : " · " + html(Fmt.usd(c.monthlyUsdConservative()))))
            .append("</td><td>").append(html(c.note() == null ? "" : c.note())).append("</td></tr>");
      }
      sb.append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }
}
