package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.LoadCpu;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTML section on where the CPU went in load tests, chart and table per benchmark. */
final class CpuSplitSection {
  private CpuSplitSection() {}

  /** Load tests whose client and server share the host: how the cores were shared. */
  static void render(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts) {
    if (a.loadCpu().isEmpty()) {
      return;
    }
    Map<String, List<LoadCpu>> byRow = new java.util.LinkedHashMap<>();
    for (LoadCpu c : a.loadCpu()) {
      byRow.computeIfAbsent(c.benchmark(), k -> new ArrayList<>()).add(c);
    }
    Map<String, BenchmarkRow> rows = new HashMap<>();
    a.benchmarks().forEach(r -> rows.put(r.key(), r));
    sb.append("<section id=\"cpu\"><h2>Where the CPU went in load tests</h2>\n<p class=\"meta\">The load generator "
        + "runs on the host it measures: cores used (CPU time ÷ wall time) by the server's threads, the load "
        + "generator's and the rest of the process. Requests per server CPU-second compare hosts without the "
        + "generator's share.</p>\n");
    for (var e : byRow.entrySet()) {
      BenchmarkRow r = rows.get(e.getKey());
      String title = "Cores used: " + (r == null ? e.getKey() : Views.benchmarkName(r));
      HtmlFormat.figure(sb, title, CpuSplitChart.render(title, e.getValue()));
      sb.append("<div class=\"scroll\"><table><thead><tr><th>Host</th><th>Server cores</th><th>Load generator cores</th>"
          + "<th>Other cores</th><th>Requests per server CPU-second</th><th>Records</th></tr></thead><tbody>");
      for (LoadCpu c : e.getValue()) {
        sb.append("<tr><td>").append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td><td class=\"n\">")
            .append(html(Fmt.num(c.serverCores()))).append("</td><td class=\"n\">").append(html(Fmt.num(c.clientCores())))
            .append("</td><td class=\"n\">").append(html(Fmt.num(c.otherCores()))).append("</td><td class=\"n\">")
            .append(c.serverRequestsPerCpuSecond() == null ? "–" : html(Fmt.num(c.serverRequestsPerCpuSecond())))
            .append("</td><td class=\"n\">").append(c.records()).append("</td></tr>");
      }
      sb.append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }

}
