package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.record.Status;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.format.Decision;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Measure;
import dev.archbench.reports.format.Tone;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTML section of one workload: with several hosts, a forest plot of each benchmark's ratio to
 * the baseline (and its numbers), then the per-benchmark details; with one host, a table of what
 * each benchmark does per second and per dollar.
 */
final class WorkloadSection {
  private WorkloadSection() {}

  static void render(StringBuilder sb, Analysis a, String id, String workload, List<BenchmarkRow> rows,
      Map<String, HostSummary> hosts, Map<String, String> color) {
    sb.append("<section id=\"").append(id).append("\"><h2>").append(html(workload)).append("</h2>\n");
    Map<String, Set<String>> varying = new HashMap<>();
    for (BenchmarkRow r : rows) {
      varying.computeIfAbsent(r.benchmark(), b -> Views.varyingParams(rows.stream()
          .filter(x -> x.benchmark().equals(b)).toList()));
    }
    if (a.hosts().size() < 2) {
      singleHostTable(sb, rows, varying);
      sb.append("</section>\n");
      return;
    }
    WorkloadSummary w = Views.summaryOf(a, workload);
    Measure m = w == null ? Measure.PERFORMANCE : Decision.measure(w, hosts);
    List<ForestPlot.Block> blocks = new ArrayList<>();
    StringBuilder numbers = new StringBuilder();
    int left = 0;
    for (BenchmarkRow r : rows) {
      List<ForestPlot.Interval> lines = new ArrayList<>();
      for (Cell c : r.cells()) {
        if (c.host().equals(a.baseline())) {
          continue;
        }
        Estimate ratio = Views.ratio(a, hosts, c, m);
        if (ratio == null || !Views.usable(ratio)) {
          left++;
          continue;
        }
        Tone t = Views.tone(c, ratio);
        lines.add(new ForestPlot.Interval(c.host() + (HtmlFormat.noisyMark(hosts.get(c.host())) == null ? "" : " ⚠"), ratio, t));
        numbers.append("<tr><td>").append(html(Views.shortName(r, varying.get(r.benchmark())))).append("</td><td>")
            .append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td><td class=\"n\">").append(html(Views.ratioText(ratio)))
            .append("</td><td><span class=\"tag ").append(t == Tone.BETTER ? "better" : t == Tone.WORSE ? "worse" : "nsd")
            .append("\">").append(html(t.word())).append("</span></td></tr>");
      }
      if (!lines.isEmpty()) {
        blocks.add(new ForestPlot.Block(Views.shortName(r, varying.get(r.benchmark())), lines));
      }
    }
    String title = workload + ": " + m.noun() + " relative to " + a.baseline() + ", per benchmark (95% intervals)";
    if (!blocks.isEmpty()) {
      HtmlFormat.figure(sb, title, ForestPlot.render(title, blocks));
      sb.append("<details><summary>The numbers of this chart</summary><div class=\"scroll\"><table><thead><tr>"
          + "<th>Benchmark</th><th>Host</th><th>").append(html(m.noun())).append(" relative to ")
          .append(html(a.baseline())).append("</th><th>Reads</th></tr></thead><tbody>").append(numbers)
          .append("</tbody></table></div></details>\n");
    } else {
      sb.append("<p class=\"meta\">No host could be compared with ").append(html(a.baseline()))
          .append(" on this workload.</p>\n");
    }
    if (left > 0) {
      sb.append("<p class=\"meta\">").append(left).append(left == 1 ? " comparison is" : " comparisons are")
          .append(" not drawn: failed, unpriced, noisy or without a ratio (see the details).</p>\n");
    }
    sb.append("<details><summary>Per-benchmark details (").append(rows.size())
        .append(rows.size() == 1 ? " benchmark" : " benchmarks").append(")</summary>\n");
    for (BenchmarkRow r : rows) {
      sb.append("<h3>").append(html(Views.benchmarkName(r))).append("</h3>\n");
      if (r.pricePerformanceVerdict() != null) {
        sb.append("<p class=\"meta\">").append(html(r.pricePerformanceVerdict())).append("</p>\n");
      }
      DetailsTable.render(sb, r, hosts, true);
    }
    sb.append("</details>\n</section>\n");
  }

  /** One host: what each benchmark does, per second and per dollar; no ratios to itself. */
  private static void singleHostTable(StringBuilder sb, List<BenchmarkRow> rows, Map<String, Set<String>> varying) {
    sb.append("<div class=\"scroll\"><table><thead><tr><th>Benchmark</th><th>Score</th><th>Work per $</th>"
        + "<th>Cost</th><th>Per vCPU</th><th>Sample</th><th>Precision</th><th>Notes</th></tr></thead><tbody>");
    for (BenchmarkRow r : rows) {
      for (Cell c : r.cells()) {
        sb.append("<tr><td>").append(html(Views.shortName(r, varying.get(r.benchmark())))).append("</td>");
        if (c.status() != Status.OK || c.score() == null) {
          sb.append("<td colspan=\"7\">").append(html(c.status().id() + (c.reason() == null ? "" : ": " + c.reason())))
              .append("</td></tr>");
          continue;
        }
        sb.append("<td class=\"n\">").append(HtmlFormat.est(c.score(), " " + r.unit())).append("</td><td class=\"n\">")
            .append(HtmlFormat.est(c.rates().workPerDollar(), r.perDollarUnit() == null ? "" : " " + r.perDollarUnit()))
            .append("</td><td class=\"n\">").append(HtmlFormat.est(c.rates().costPerMillion(), r.costUnit() == null ? "" : " " + r.costUnit()))
            .append("</td><td class=\"n\">").append(c.rates().perVcpu() == null ? "–"
                : html(Fmt.num(c.rates().perVcpu().value()) + " " + r.workUnit() + "/s"))
            .append("</td><td>").append(html(DetailsTable.sample(c.sample()))).append("</td><td>")
            .append(DetailsTable.precision(c)).append("</td><td>")
            .append(html(String.join("; ", notesBesidesScope(c)))).append("</td></tr>");
      }
    }
    sb.append("</tbody></table></div>\n");
  }

  /** A cell's notes without the interval-scope caveat, which the decision states once per host. */
  private static List<String> notesBesidesScope(Cell c) {
    String caveat = c.sample().scope().caveat();
    return c.notes().stream().filter(n -> !n.equals(caveat)).toList();
  }
}
