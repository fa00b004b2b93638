package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.record.Status;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.Sample;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The per-benchmark details table of the HTML report: one row per host, one {@link Column} per
 * figure, so a new figure (e.g. a precision target) is one more entry in {@link #COLUMNS}.
 */
final class DetailsTable {
  private DetailsTable() {}

  /**
   * @param header the column heading for a benchmark row (units in it)
   * @param cell the cell's HTML (already escaped)
   * @param numeric right-aligned, no wrapping
   */
  record Column(Function<BenchmarkRow, String> header, BiFunction<BenchmarkRow, Cell, String> cell, boolean numeric) {}

  static final List<Column> COLUMNS = List.of(
      new Column(r -> "Score (" + r.unit() + ")", (r, c) -> HtmlFormat.est(c.score(), ""), true),
      new Column(r -> "vs baseline", (r, c) -> HtmlFormat.relative(c), true),
      new Column(r -> "Work per $ (" + dash(r.perDollarUnit()) + ")", (r, c) -> HtmlFormat.est(c.rates().workPerDollar(), ""), true),
      new Column(r -> "Cost (" + dash(r.costUnit()) + ")", (r, c) -> HtmlFormat.est(c.rates().costPerMillion(), ""), true),
      new Column(r -> "Per vCPU", (r, c) -> c.rates().perVcpu() == null ? "–" : html(Fmt.num(c.rates().perVcpu().value())), true),
      new Column(r -> "Per core", (r, c) -> c.rates().perPhysicalCore() == null ? "–"
          : html(Fmt.num(c.rates().perPhysicalCore().value())), true),
      new Column(r -> "Sample", (r, c) -> html(sample(c.sample())), false),
      new Column(r -> "Precision", (r, c) -> precision(c), false),
      new Column(r -> "Notes", (r, c) -> html(String.join("; ", c.notes())), false));

  /** The precision asked and reached (HTML); bold where a record stopped short of its target. */
  static String precision(Cell c) {
    var p = c.sample().precision();
    if (p == null) {
      return "–";
    }
    String text = html(Views.precisionText(p));
    return p.missed() > 0 ? "<strong>" + text + "</strong>" : text;
  }

  /**
   * Records × forks × iterations and, with several records, the range of the per-record scores:
   * the instance-to-instance spread the interval includes.
   */
  static String sample(Sample s) {
    int perFork = s.forks() == 0 ? 0 : s.iterations() / s.forks();
    String out = (s.records() > 1 ? s.records() + " records, " : "") + s.forks() + (s.forks() == 1 ? " fork × " : " forks × ")
        + perFork + (perFork == 1 ? " iteration" : " iterations");
    if (s.recordSpread() != null) {
      out += "; per record " + Fmt.num(s.recordSpread().min()) + "–" + Fmt.num(s.recordSpread().max())
          + " (the interval includes this spread)";
    }
    return out;
  }

  static void render(StringBuilder sb, BenchmarkRow r, Map<String, HostSummary> hosts, boolean withHost) {
    sb.append("<div class=\"scroll\"><table><thead><tr>");
    if (withHost) {
      sb.append("<th>Host</th>");
    }
    for (Column col : COLUMNS) {
      sb.append("<th>").append(html(col.header().apply(r))).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (Cell c : r.cells()) {
      sb.append("<tr>");
      if (withHost) {
        sb.append("<td>").append(HtmlFormat.hostCell(hosts.get(c.host()))).append("</td>");
      }
      if (c.status() != Status.OK || c.score() == null) {
        sb.append("<td colspan=\"").append(COLUMNS.size()).append("\">")
            .append(html(c.status().id() + (c.reason() == null ? "" : ": " + c.reason())))
            .append(c.notes().isEmpty() ? "" : " " + html(String.join("; ", c.notes()))).append("</td></tr>");
        continue;
      }
      for (Column col : COLUMNS) {
        sb.append(col.numeric() ? "<td class=\"n\">" : "<td>").append(col.cell().apply(r, c)).append("</td>");
      }
      sb.append("</tr>");
    }
    sb.append("</tbody></table></div>\n");
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }
}
