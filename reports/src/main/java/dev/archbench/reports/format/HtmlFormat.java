package dev.archbench.reports.format;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.stats.Estimate;
import dev.archbench.record.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML file: inline CSS and SVG, no script, no external reference. A Content
 * Security Policy forbids every fetch, so even a string that escaped escaping could not load or run
 * anything. Responsive (tables scroll, charts scale) and printable.
 */
final class HtmlFormat implements ReportFormat {
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String CSS = """
      :root{--fg:#1d2327;--muted:#5f6b76;--line:#d5dbe1;--bg:#fff;--warn:#fff4e0;--warnline:#f0a020}
      *{box-sizing:border-box}
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1120px;padding:16px;overflow-wrap:break-word}
      h1{font-size:1.6em;margin:.2em 0;overflow-wrap:anywhere}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em;overflow-wrap:anywhere}
      .meta{color:var(--muted);margin:.2em 0;overflow-wrap:anywhere}
      nav ul{display:flex;flex-wrap:wrap;gap:.3em 1em;padding:0;list-style:none}
      .banner{background:var(--warn);border-left:4px solid var(--warnline);padding:.6em .8em;margin:.8em 0}
      #decision{border:1px solid var(--line);border-radius:6px;padding:.2em 1em .6em;margin:1em 0}
      #decision h2{margin-top:.5em}ul.decision{padding-left:1.2em}ul.decision li{margin:.35em 0;overflow-wrap:anywhere}
      code{background:#f4f6f8;padding:0 .25em;border-radius:3px;overflow-wrap:anywhere;font-size:.92em}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
      table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0 1em}
      th,td{border-bottom:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
      th{background:#f4f6f8;font-weight:600}
      td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      .ci{color:var(--muted);font-size:.85em}
      .tag{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;background:#eef1f4}
      .noisy{background:#ffe3b3}.better{background:#d3f9d8}.worse{background:#ffe3e3}.nsd{background:#eef1f4}
      figure{margin:.6em 0 1.2em;overflow-x:auto;max-width:100%}
      figcaption{font-weight:600;margin:.2em 0 .3em;overflow-wrap:anywhere}
      svg.chart{width:100%;height:auto;max-width:760px;min-width:440px;display:block;font-size:13px}
      svg .tick,svg .unit{fill:#5f6b76;font-size:12px}svg .fl{font-weight:600}
      svg .err{stroke:#222;stroke-width:1.3;fill:none}svg .axis{stroke:#888;fill:none}
      svg .grid{stroke:#e6e9ec;fill:none}svg .line{fill:none;stroke-width:2}svg .search{fill:none;stroke-width:1.2;stroke-opacity:.45}svg .ref{stroke:#555;stroke-dasharray:4 3;fill:none}
      svg .bv{font-size:12px}
      details{margin:.4em 0 1em}summary{cursor:pointer;font-weight:600;color:#1f4e79}
      ul.problems li{margin:.2em 0}
      footer{color:var(--muted);font-size:.85em;margin-top:2em;border-top:1px solid var(--line);padding-top:.6em}
      @media (max-width:640px){body{font-size:14px;padding:10px}svg.chart{min-width:0}th,td{padding:.25em .3em}h1{font-size:1.3em}#decision{padding:.1em .6em .4em}}
      @media print{body{max-width:none;padding:0;font-size:10.5pt}nav{display:none}.scroll,figure{overflow:visible}svg.chart{min-width:0;max-width:16cm}
      details::details-content{content-visibility:visible;display:block}summary{color:inherit}
      table{font-size:8.5pt}figure,tr{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}
      .banner,#decision{border:1px solid #000}}
      """;

  @Override
  public String render(Analysis a) {
    Map<String, HostSummary> hosts = Views.hosts(a);
    Map<String, String> color = new HashMap<>();
    for (int i = 0; i < a.hosts().size(); i++) {
      color.put(a.hosts().get(i).key(), Svg.PALETTE[i % Svg.PALETTE.length]);
    }
    boolean compared = a.hosts().size() >= 2;
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(html(a.title())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    sb.append("<header><h1>").append(html(a.title())).append("</h1>\n<p class=\"meta\">Pricing model: <b>")
        .append(html(a.pricingModel())).append("</b>");
    if (compared) {
      sb.append(" · baseline: <b>").append(html(a.baseline())).append("</b>");
    }
    sb.append(" · 95% intervals from a seeded hierarchical bootstrap (").append(a.method().replicates())
        .append(" replicates over records, forks, then iterations)</p>\n<p class=\"meta\">Prices: ")
        .append(html(String.join("; ", a.priceSources()))).append("</p></header>\n");
    if (Views.allSmoke(a)) {
      sb.append("<p class=\"banner\"><b>Smoke profile.</b> These numbers check that the harness works; "
          + "they are not fit for comparisons.</p>\n");
    }
    if (Views.anyNoisyCompared(a)) {
      sb.append("<p class=\"banner\"><b>Noisy records included (--allow-noisy).</b> Hosts marked "
          + "<span class=\"tag noisy\">noisy</span> ran the smoke profile or on shared CI runners; "
          + "their price comparisons are indicative only.</p>\n");
    }
    if (!a.problems().isEmpty()) {
      sb.append("<p class=\"banner\">").append(a.problems().size())
          .append(a.problems().size() == 1 ? " problem" : " problems")
          .append(" with the input: see <a href=\"#problems\">below</a>.</p>\n");
    }
    var byWorkload = Views.byWorkload(a);
    List<AcceleratorGroups.Group> accel = AcceleratorGroups.of(a);
    var series = Views.threadSeries(a);
    sb.append("<nav><ul><li><a href=\"#decision\">Decision</a></li>");
    if (compared) {
      sb.append("<li><a href=\"#summary\">Summary</a></li>");
    }
    int wi = 0;
    for (String w : byWorkload.keySet()) {
      sb.append("<li><a href=\"#w").append(wi++).append("\">").append(html(w)).append("</a></li>");
    }
    if (!accel.isEmpty()) {
      sb.append("<li><a href=\"#accelerators\">Accelerators</a></li>");
    }
    if (!series.isEmpty()) {
      sb.append("<li><a href=\"#scaling\">Thread scaling</a></li>");
    }
    if (!Views.withKnee(a).isEmpty() || !Views.withPercentiles(a).isEmpty()) {
      sb.append("<li><a href=\"#latency\">Latency</a></li>");
    }
    if (!a.loadCpu().isEmpty()) {
      sb.append("<li><a href=\"#cpu\">CPU split</a></li>");
    }
    if (!a.lambdaSizes().isEmpty()) {
      sb.append("<li><a href=\"#lambda\">Lambda</a></li>");
    }
    if (a.variants() != null && !a.variants().isEmpty()) {
      sb.append("<li><a href=\"#variants\">Variants</a></li>");
    }
    sb.append("<li><a href=\"#hosts\">Hosts</a></li><li><a href=\"#method\">Method</a></li></ul></nav>\n");

    decision(sb, a);
    if (compared) {
      summary(sb, a, hosts, color);
    }
    wi = 0;
    for (var e : byWorkload.entrySet()) {
      workload(sb, a, "w" + wi++, e.getKey(), e.getValue(), hosts, color);
    }
    AcceleratorSection.render(sb, a, accel, hosts, color);
    ThreadScalingSection.render(sb, a, series, color);
    LatencySection.render(sb, a, hosts, color);
    CpuSplitSection.render(sb, a, hosts);
    LambdaSection.render(sb, a);
    VariantsSection.renderHtml(sb, a);
    capacity(sb, a, hosts);
    hostsTable(sb, a);
    if (!a.problems().isEmpty()) {
      sb.append("<section id=\"problems\"><h2>Problems with the input</h2><ul class=\"problems\">");
      for (String p : a.problems()) {
        sb.append("<li>").append(html(p)).append("</li>");
      }
      sb.append("</ul></section>\n");
    }
    sb.append("<section id=\"method\"><h2>Method</h2><ul>")
        .append("<li>Score: ").append(html(a.method().scoreEstimator())).append(".</li>")
        .append("<li>Intervals: ").append(html(a.method().interval())).append("; ")
        .append(html(a.method().significance())).append(". ").append(a.method().replicates())
        .append(" replicates; seed ").append(html(a.method().seed())).append(".</li>")
        .append("<li>Geometric means: ").append(html(a.method().geometricMean())).append(".</li>")
        .append("<li>Price-performance: ").append(html(a.method().priceNormalization()))
        .append(". Monthly cost: 730 hours.</li></ul></section>\n");
    sb.append("<footer>Generated by archbench from run records. Self-contained: no scripts, fonts or network requests.</footer>\n");
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  /** The answer first: the same lines as the Markdown report's decision section. */
  private static void decision(StringBuilder sb, Analysis a) {
    sb.append("<section id=\"decision\"><h2>Decision</h2>\n");
    for (Decision.Section s : Decision.of(a)) {
      sb.append("<h3 id=\"").append(s.id()).append("\">").append(html(s.heading())).append("</h3><ul class=\"decision\">");
      for (Decision.Line l : s.lines()) {
        sb.append("<li>");
        if (l.lead() != null) {
          sb.append("<b>").append(html(l.lead())).append("</b> ");
        }
        sb.append(html(l.text()));
        if (l.code() != null) {
          sb.append(" <code>").append(html(l.code())).append("</code>");
        }
        sb.append("</li>");
      }
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private static void summary(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts, Map<String, String> color) {
    sb.append("<section id=\"summary\"><h2>Summary</h2>\n");
    List<Svg.Bar> pp = new ArrayList<>();
    for (HostAggregate g : a.overall().hosts()) {
      if (g.relativePricePerformance() != null) {
        pp.add(new Svg.Bar(g.host(), g.relativePricePerformance(), color.get(g.host()), noisyMark(hosts.get(g.host()))));
      }
    }
    if (pp.size() >= 2) {
      figure(sb, "Work per dollar relative to " + a.baseline() + ", geometric mean over workloads",
          Svg.bars("Work per dollar relative to " + a.baseline() + ", geometric mean over workloads",
              "× baseline (the dashed line)", pp, 1.0));
    }
    sb.append("<div class=\"scroll\"><table><thead><tr><th>Host</th><th>Arch</th><th>$/hour</th>"
        + "<th>Performance vs baseline</th><th>Work per $ vs baseline</th><th>Benchmarks</th></tr></thead><tbody>");
    for (HostAggregate g : a.overall().hosts()) {
      HostSummary h = hosts.get(g.host());
      sb.append("<tr><td>").append(hostCell(h)).append("</td><td>").append(html(h.arch())).append("</td><td class=\"n\">")
          .append(h.usdPerHour() == null ? "–" : html(Fmt.usd(h.usdPerHour()))).append("</td><td class=\"n\">")
          .append(est(g.relative(), "×")).append("</td><td class=\"n\">")
          .append(g.relativePricePerformance() == null ? "–" : est(g.relativePricePerformance(), "×"))
          .append("</td><td class=\"n\">").append(g.benchmarks()).append("</td></tr>");
    }
    sb.append("</tbody></table></div></section>\n");
  }

  private static void hostsTable(StringBuilder sb, Analysis a) {
    sb.append("<section id=\"hosts\"><h2>Hosts</h2><div class=\"scroll\"><table><thead><tr><th>Host</th>"
        + "<th>Instance type, arch</th><th>CPU</th><th>vCPUs / cores</th><th>Memory</th>"
        + "<th>Accelerators</th><th>JVM, OS</th><th>$/hour, source</th><th>Records, profile</th>"
        + "<th>Labels, notes</th></tr></thead><tbody>");
    for (HostSummary h : a.hosts()) {
      sb.append("<tr><td>").append(hostCell(h)).append("</td><td>").append(html(dash(h.instanceType())))
          .append("<br><span class=\"ci\">").append(html(dash(h.arch()))).append("</span></td><td>")
          .append(html(dash(h.cpuModel()))).append(h.microarchitecture() == null ? ""
              : " <span class=\"ci\">" + html(h.microarchitecture()) + "</span>")
          .append("</td><td class=\"n\">").append(h.vcpus() == null ? "–" : h.vcpus()).append(" / ")
          .append(h.physicalCores() == null ? "–" : h.physicalCores())
          .append("</td><td class=\"n\">").append(html(Fmt.bytes(h.memoryBytes()))).append("</td><td>")
          .append(html(dash(h.accelerators()))).append("</td><td>").append(html(dash(h.jvm())))
          .append("<br><span class=\"ci\">").append(html(dash(h.os()))).append("</span></td><td>")
          .append(h.usdPerHour() == null ? "–" : html(Fmt.usd(h.usdPerHour()))).append("<br><span class=\"ci\">")
          .append(html(dash(h.priceSource()))).append("</span></td><td>").append(h.runIds().size())
          .append("<br><span class=\"ci\">").append(html(String.join(", ", h.profiles()))).append("</span></td><td>")
          .append(html(dash(h.label()))).append("<br><span class=\"ci\">").append(html(Views.flags(h)))
          .append("</span></td></tr>");
    }
    sb.append("</tbody></table></div></section>\n");
  }

  private static void workload(StringBuilder sb, Analysis a, String id, String workload, List<BenchmarkRow> rows,
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
        if (ratio == null || !ForestPlot.usable(ratio)) {
          left++;
          continue;
        }
        Tone t = Views.tone(c, ratio);
        lines.add(new ForestPlot.Interval(c.host() + (noisyMark(hosts.get(c.host())) == null ? "" : " ⚠"), ratio, t));
        numbers.append("<tr><td>").append(html(Views.shortName(r, varying.get(r.benchmark())))).append("</td><td>")
            .append(hostCell(hosts.get(c.host()))).append("</td><td class=\"n\">").append(html(ForestPlot.value(ratio)))
            .append("</td><td><span class=\"tag ").append(t == Tone.BETTER ? "better" : t == Tone.WORSE ? "worse" : "nsd")
            .append("\">").append(html(t.word())).append("</span></td></tr>");
      }
      if (!lines.isEmpty()) {
        blocks.add(new ForestPlot.Block(Views.shortName(r, varying.get(r.benchmark())), lines));
      }
    }
    String title = workload + ": " + m.noun() + " relative to " + a.baseline() + ", per benchmark (95% intervals)";
    if (!blocks.isEmpty()) {
      figure(sb, title, ForestPlot.render(title, blocks));
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
        sb.append("<td class=\"n\">").append(est(c.score(), " " + r.unit())).append("</td><td class=\"n\">")
            .append(est(c.rates().workPerDollar(), r.perDollarUnit() == null ? "" : " " + r.perDollarUnit()))
            .append("</td><td class=\"n\">").append(est(c.rates().costPerMillion(), r.costUnit() == null ? "" : " " + r.costUnit()))
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

  private static void capacity(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts) {
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
        String bench = row == null ? dash(c.benchmark()) : Views.benchmarkName(row);
        sb.append("<tr><td>").append(hostCell(hosts.get(c.host()))).append("</td><td>").append(html(bench))
            .append("</td><td class=\"n\">").append(c.knee() == null ? "–" : est(c.knee(), ""))
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

  /** A chart with its title as a caption, which wraps like text (SVG text would not). */
  static void figure(StringBuilder sb, String caption, String svg) {
    sb.append("<figure><figcaption>").append(html(caption)).append("</figcaption>").append(svg).append("</figure>\n");
  }

  static String relative(Cell c) {
    if (Views.ratio(c) == null) {
      return "–";
    }
    String cls = switch (c.relative().verdict()) {
      case BETTER -> "better";
      case WORSE -> "worse";
      default -> "nsd";
    };
    Estimate r = c.relative().ratio();
    return html(Fmt.change(r.value())) + " <span class=\"ci\">(" + html(Fmt.change(r.lower()))
        + " to " + html(Fmt.change(r.upper())) + ")</span> <span class=\"tag " + cls + "\">"
        + html(Views.verdictText(c)) + "</span>";
  }

  static String est(Estimate e, String suffix) {
    if (e == null) {
      return "–";
    }
    if (e.lower() == e.upper()) {
      return html(Fmt.num(e.value()) + suffix);
    }
    return html(Fmt.num(e.value()) + suffix) + " <span class=\"ci\">(" + html(Fmt.num(e.lower())) + "–"
        + html(Fmt.num(e.upper())) + ")</span>";
  }

  static String hostCell(HostSummary h) {
    String s = "<b>" + html(h.key()) + "</b>";
    if (!h.noisy().isEmpty()) {
      s += h.priceCompared() ? " <span class=\"tag noisy\">⚠ noisy</span>" : " <span class=\"tag noisy\">noisy: not price-compared</span>";
    }
    return s;
  }

  static String noisyMark(HostSummary h) {
    return h != null && !h.noisy().isEmpty() ? "⚠" : null;
  }

  static String dash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }
}
