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
import dev.archbench.reports.stats.Estimate;
import dev.archbench.record.Percentile;
import dev.archbench.record.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1120px;padding:16px}
      h1{font-size:1.6em;margin:.2em 0}h2{font-size:1.3em;margin-top:1.6em;border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:1.2em 0 .4em}
      .meta{color:var(--muted);margin:.2em 0}
      nav ul{display:flex;flex-wrap:wrap;gap:.3em 1em;padding:0;list-style:none}
      .banner{background:var(--warn);border-left:4px solid var(--warnline);padding:.6em .8em;margin:.8em 0}
      .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
      table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0 1em}
      th,td{border-bottom:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top}
      th{background:#f4f6f8;font-weight:600}
      td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
      .ci{color:var(--muted);font-size:.85em}
      .tag{display:inline-block;border-radius:3px;padding:0 .35em;font-size:.8em;background:#eef1f4}
      .noisy{background:#ffe3b3}.better{background:#d3f9d8}.worse{background:#ffe3e3}.nsd{background:#eef1f4}
      figure{margin:.6em 0 1.2em;overflow-x:auto}
      svg.chart{width:100%;height:auto;max-width:760px;min-width:440px;display:block;font-size:13px}
      svg .ct{font-weight:600;font-size:14px}svg .tick,svg .unit{fill:#5f6b76;font-size:12px}
      svg .err{stroke:#222;stroke-width:1.3;fill:none}svg .axis{stroke:#888;fill:none}
      svg .grid{stroke:#e6e9ec;fill:none}svg .line{fill:none;stroke-width:2}svg .ref{stroke:#555;stroke-dasharray:4 3}
      svg .bv{font-size:12px}
      ul.problems li{margin:.2em 0}
      footer{color:var(--muted);font-size:.85em;margin-top:2em;border-top:1px solid var(--line);padding-top:.6em}
      @media (max-width:640px){body{font-size:14px;padding:10px}th,td{padding:.25em .3em}h1{font-size:1.3em}}
      @media print{body{max-width:none;padding:0;font-size:11pt}nav{display:none}.scroll,figure{overflow:visible}svg.chart{min-width:0}
      figure,table,tr{break-inside:avoid}h2,h3{break-after:avoid}a{color:inherit;text-decoration:none}
      .banner{border:1px solid #000}}
      """;

  @Override
  public String render(Analysis a) {
    Map<String, HostSummary> hosts = Views.hosts(a);
    Map<String, String> color = new HashMap<>();
    for (int i = 0; i < a.hosts().size(); i++) {
      color.put(a.hosts().get(i).key(), Svg.PALETTE[i % Svg.PALETTE.length]);
    }
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(html(a.title())).append("</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n");
    sb.append("<header><h1>").append(html(a.title())).append("</h1>\n<p class=\"meta\">Pricing model: <b>")
        .append(html(a.pricingModel())).append("</b> · baseline: <b>").append(html(a.baseline()))
        .append("</b> · 95% intervals from a seeded hierarchical bootstrap (").append(a.method().replicates())
        .append(" replicates over forks, then iterations)</p>\n<p class=\"meta\">Prices: ")
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
    sb.append("<nav><ul><li><a href=\"#summary\">Summary</a></li><li><a href=\"#hosts\">Hosts</a></li>");
    int wi = 0;
    for (String w : byWorkload.keySet()) {
      sb.append("<li><a href=\"#w").append(wi++).append("\">").append(html(w)).append("</a></li>");
    }
    sb.append("<li><a href=\"#method\">Method</a></li></ul></nav>\n");

    summary(sb, a, hosts, color);
    hostsTable(sb, a);
    wi = 0;
    for (var e : byWorkload.entrySet()) {
      workload(sb, a, "w" + wi++, e.getKey(), e.getValue(), hosts, color);
    }
    threadScaling(sb, a, color);
    latency(sb, a, hosts, color);
    capacity(sb, a, hosts);
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

  private static void summary(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts, Map<String, String> color) {
    sb.append("<section id=\"summary\"><h2>Summary</h2>\n");
    verdicts(sb, a.overall());
    List<Svg.Bar> pp = new ArrayList<>();
    List<Svg.Bar> perf = new ArrayList<>();
    for (HostAggregate g : a.overall().hosts()) {
      HostSummary h = hosts.get(g.host());
      String mark = noisyMark(h);
      perf.add(new Svg.Bar(g.host(), g.relative(), color.get(g.host()), mark));
      if (g.relativePricePerformance() != null) {
        pp.add(new Svg.Bar(g.host(), g.relativePricePerformance(), color.get(g.host()), mark));
      }
    }
    if (!pp.isEmpty()) {
      figure(sb, Svg.bars("Work per dollar relative to " + a.baseline() + " (geometric mean over workloads)",
          "× baseline", pp, 1.0));
    }
    if (!perf.isEmpty()) {
      figure(sb, Svg.bars("Performance relative to " + a.baseline() + " (geometric mean over workloads)",
          "× baseline", perf, 1.0));
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
    sb.append("</tbody></table></div>\n");
    sb.append("<h3>Winners per workload</h3><div class=\"scroll\"><table><thead><tr><th>Workload</th>"
        + "<th>Performance</th><th>Work per $</th></tr></thead><tbody>");
    for (WorkloadSummary w : a.workloads()) {
      sb.append("<tr><td>").append(html(w.workload())).append("</td><td>").append(html(dash(w.performanceVerdict())))
          .append("</td><td>").append(html(dash(w.pricePerformanceVerdict()))).append("</td></tr>");
    }
    sb.append("</tbody></table></div></section>\n");
  }

  private static void hostsTable(StringBuilder sb, Analysis a) {
    sb.append("<section id=\"hosts\"><h2>Hosts</h2><div class=\"scroll\"><table><thead><tr><th>Host</th>"
        + "<th>Instance type</th><th>Arch</th><th>CPU</th><th>vCPUs</th><th>Physical cores</th><th>Memory</th>"
        + "<th>Accelerators</th><th>JVM</th><th>OS</th><th>$/hour</th><th>Price source</th><th>Records</th>"
        + "<th>Profile</th><th>Labels</th><th>Notes</th></tr></thead><tbody>");
    for (HostSummary h : a.hosts()) {
      sb.append("<tr><td>").append(hostCell(h)).append("</td><td>").append(html(dash(h.instanceType())))
          .append("</td><td>").append(html(dash(h.arch()))).append("</td><td>")
          .append(html(dash(h.cpuModel()))).append(h.microarchitecture() == null ? ""
              : " <span class=\"ci\">" + html(h.microarchitecture()) + "</span>")
          .append("</td><td class=\"n\">").append(h.vcpus() == null ? "–" : h.vcpus())
          .append("</td><td class=\"n\">").append(h.physicalCores() == null ? "–" : h.physicalCores())
          .append("</td><td class=\"n\">").append(html(Fmt.bytes(h.memoryBytes()))).append("</td><td>")
          .append(html(dash(h.accelerators()))).append("</td><td>").append(html(dash(h.jvm())))
          .append("</td><td>").append(html(dash(h.os()))).append("</td><td class=\"n\">")
          .append(h.usdPerHour() == null ? "–" : html(Fmt.usd(h.usdPerHour()))).append("</td><td>")
          .append(html(dash(h.priceSource()))).append("</td><td class=\"n\">").append(h.runIds().size())
          .append("</td><td>").append(html(String.join(", ", h.profiles()))).append("</td><td>")
          .append(html(dash(h.label()))).append("</td><td>").append(html(Views.flags(h))).append("</td></tr>");
    }
    sb.append("</tbody></table></div></section>\n");
  }

  private static void workload(StringBuilder sb, Analysis a, String id, String workload, List<BenchmarkRow> rows,
      Map<String, HostSummary> hosts, Map<String, String> color) {
    sb.append("<section id=\"").append(id).append("\"><h2>").append(html(workload)).append("</h2>\n");
    WorkloadSummary w = Views.summaryOf(a, workload);
    if (w != null) {
      verdicts(sb, w);
      List<Svg.Bar> pp = new ArrayList<>();
      for (HostAggregate g : w.hosts()) {
        if (g.relativePricePerformance() != null) {
          pp.add(new Svg.Bar(g.host(), g.relativePricePerformance(), color.get(g.host()), noisyMark(hosts.get(g.host()))));
        }
      }
      if (!pp.isEmpty()) {
        figure(sb, Svg.bars(workload + ": work per dollar relative to " + a.baseline() + " (geometric mean)",
            "× baseline", pp, 1.0));
      }
    }
    for (BenchmarkRow r : rows) {
      sb.append("<h3>").append(html(Views.benchmarkName(r))).append("</h3>\n");
      if (r.pricePerformanceVerdict() != null) {
        sb.append("<p class=\"meta\">").append(html(r.pricePerformanceVerdict())).append("</p>\n");
      }
      List<Svg.Bar> bars = new ArrayList<>();
      boolean perDollar = r.cells().stream().anyMatch(c -> c.rates().workPerDollar() != null);
      for (Cell c : r.cells()) {
        Estimate v = perDollar ? c.rates().workPerDollar() : c.rates().workPerSecond() != null ? c.rates().workPerSecond() : c.score();
        if (v != null) {
          bars.add(new Svg.Bar(c.host(), v, color.get(c.host()), noisyMark(hosts.get(c.host()))));
        }
      }
      if (!bars.isEmpty()) {
        String unit = perDollar ? r.perDollarUnit() : r.workUnit() != null ? r.workUnit() + "/s" : r.unit();
        figure(sb, Svg.bars((perDollar ? "Work per dollar: " : "Score: ") + Views.benchmarkName(r), unit, bars, null));
      }
      sb.append("<div class=\"scroll\"><table><thead><tr><th>Host</th><th>Score (").append(html(r.unit()))
          .append(")</th><th>vs baseline</th><th>Work per $ (").append(html(dash(r.perDollarUnit())))
          .append(")</th><th>Cost (").append(html(dash(r.costUnit()))).append(")</th><th>Per vCPU</th>"
              + "<th>Per core</th><th>Forks × iterations</th><th>Notes</th></tr></thead><tbody>");
      for (Cell c : r.cells()) {
        sb.append("<tr><td>").append(hostCell(hosts.get(c.host()))).append("</td>");
        if (c.status() != Status.OK || c.score() == null) {
          sb.append("<td colspan=\"8\">").append(html(c.status().id() + (c.reason() == null ? "" : ": " + c.reason())))
              .append(c.notes().isEmpty() ? "" : " " + html(String.join("; ", c.notes()))).append("</td></tr>");
          continue;
        }
        sb.append("<td class=\"n\">").append(est(c.score(), "")).append("</td><td class=\"n\">")
            .append(relative(c)).append("</td><td class=\"n\">").append(est(c.rates().workPerDollar(), ""))
            .append("</td><td class=\"n\">").append(est(c.rates().costPerMillion(), "")).append("</td><td class=\"n\">")
            .append(c.rates().perVcpu() == null ? "–" : html(Fmt.num(c.rates().perVcpu().value())))
            .append("</td><td class=\"n\">").append(c.rates().perPhysicalCore() == null ? "–" : html(Fmt.num(c.rates().perPhysicalCore().value())))
            .append("</td><td class=\"n\">").append(c.sample().forks()).append(" × ").append(c.sample().forks() == 0 ? 0 : c.sample().iterations() / c.sample().forks())
            .append("</td><td>").append(html(String.join("; ", c.notes()))).append("</td></tr>");
      }
      sb.append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }

  private static void threadScaling(StringBuilder sb, Analysis a, Map<String, String> color) {
    var series = Views.threadSeries(a);
    if (series.isEmpty()) {
      return;
    }
    sb.append("<section id=\"scaling\"><h2>Thread scaling</h2>\n");
    for (List<BenchmarkRow> rows : series.values()) {
      List<String> xs = rows.stream().map(r -> r.threads()).distinct().sorted().map(String::valueOf).toList();
      List<Svg.Series> lines = new ArrayList<>();
      BenchmarkRow first = rows.get(0);
      boolean rate = first.workUnit() != null;
      for (HostSummary h : a.hosts()) {
        List<Svg.Point> pts = new ArrayList<>();
        for (BenchmarkRow r : rows) {
          for (Cell c : r.cells()) {
            Estimate y = rate ? c.rates().workPerSecond() : c.score();
            if (c.host().equals(h.key()) && y != null) {
              pts.add(new Svg.Point(String.valueOf(r.threads()), y));
            }
          }
        }
        if (!pts.isEmpty()) {
          lines.add(new Svg.Series(h.key(), color.get(h.key()), pts));
        }
      }
      figure(sb, Svg.lines(Views.seriesName(first), "threads", rate ? first.workUnit() + "/s" : first.unit(), xs, lines));
    }
    sb.append("</section>\n");
  }

  private static void latency(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts, Map<String, String> color) {
    List<BenchmarkRow> pct = Views.withPercentiles(a);
    List<BenchmarkRow> knees = Views.withKnee(a);
    if (pct.isEmpty() && knees.isEmpty()) {
      return;
    }
    sb.append("<section id=\"latency\"><h2>Latency</h2>\n");
    for (BenchmarkRow r : pct) {
      TreeSet<Percentile> keys = new TreeSet<>();
      for (Cell c : r.cells()) {
        if (c.latency() != null) {
          keys.addAll(c.latency().percentilesMs().keySet());
        }
      }
      List<String> xs = keys.stream().map(Percentile::key).toList();
      List<Svg.Series> lines = new ArrayList<>();
      List<String> sources = new ArrayList<>();
      for (Cell c : r.cells()) {
        if (c.latency() == null) {
          continue;
        }
        List<Svg.Point> pts = new ArrayList<>();
        c.latency().percentilesMs().forEach((k, v) -> pts.add(new Svg.Point(k.key(), new Estimate(v, v, v))));
        lines.add(new Svg.Series(c.host(), color.get(c.host()), pts));
        sources.add(c.host() + ": " + c.latency().source());
      }
      figure(sb, Svg.lines("Latency percentiles: " + Views.seriesName(r) + " @" + r.threads(), "percentile",
          "ms", xs, lines));
      sb.append("<p class=\"meta\">").append(html(String.join("; ", sources))).append("</p>\n");
    }
    if (!knees.isEmpty()) {
      sb.append("<h3>Latency-bound cost</h3><p class=\"meta\">Dollars per million requests when serving at the knee: "
          + "the highest rate with the latency percentile within the bound, not the saturation throughput "
          + "(≥: every rate tried met the bound; &lt;: none did).</p>"
          + "<div class=\"scroll\"><table><thead><tr><th>Benchmark</th><th>Host</th><th>Knee</th><th>Bound</th>"
          + "<th>$ per million at the knee</th></tr></thead><tbody>");
      for (BenchmarkRow r : knees) {
        for (Cell c : r.cells()) {
          if (c.knee() == null) {
            continue;
          }
          sb.append("<tr><td>").append(html(Views.benchmarkName(r))).append("</td><td>").append(hostCell(hosts.get(c.host())))
              .append("</td><td class=\"n\">").append(html(Views.kneePrefix(c.knee())))
              .append(est(c.knee().rate(), " " + dash(c.knee().unit()))).append("</td><td class=\"n\">")
              .append(html(c.knee().percentile().key() + " < " + Fmt.num(c.knee().boundMs()))).append(" ms</td><td class=\"n\">")
              .append(c.knee().costPerMillion() == null ? "–" : est(c.knee().costPerMillion(), "")).append("</td></tr>");
        }
      }
      sb.append("</tbody></table></div>\n");
    }
    sb.append("</section>\n");
  }

  private static void capacity(StringBuilder sb, Analysis a, Map<String, HostSummary> hosts) {
    if (a.capacity().isEmpty()) {
      return;
    }
    sb.append("<section id=\"capacity\"><h2>Capacity planning</h2>\n");
    for (CapacityPlan p : a.capacity()) {
      sb.append("<h3>").append(html(p.target())).append("</h3><div class=\"scroll\"><table><thead><tr><th>Host</th>"
          + "<th>Benchmark</th><th>Knee</th><th>Instances</th><th>Monthly cost (730 h)</th>"
          + "<th>Conservative (knee lower bound)</th><th>Note</th></tr></thead><tbody>");
      for (CapacityAnswer c : p.answers()) {
        sb.append("<tr><td>").append(hostCell(hosts.get(c.host()))).append("</td><td>").append(html(dash(c.benchmark())))
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

  private static void verdicts(StringBuilder sb, WorkloadSummary w) {
    if (w.performanceVerdict() == null && w.pricePerformanceVerdict() == null) {
      return;
    }
    sb.append("<p><b>Performance:</b> ").append(html(dash(w.performanceVerdict())))
        .append(" · <b>Work per $:</b> ").append(html(dash(w.pricePerformanceVerdict()))).append("</p>\n");
  }

  private static void figure(StringBuilder sb, String svg) {
    sb.append("<figure>").append(svg).append("</figure>\n");
  }

  private static String relative(Cell c) {
    if (Views.ratio(c) == null) {
      return "–";
    }
    String cls = switch (c.relative().verdict()) {
      case BETTER -> "better";
      case WORSE -> "worse";
      default -> "nsd";
    };
    Estimate r = c.relative().ratio();
    return html(Fmt.pct(r.value())) + " <span class=\"ci\">(" + html(Fmt.pct(r.lower()))
        + " to " + html(Fmt.pct(r.upper())) + ")</span> <span class=\"tag " + cls + "\">"
        + html(Views.verdictText(c)) + "</span>";
  }

  private static String est(Estimate e, String suffix) {
    if (e == null) {
      return "–";
    }
    if (e.lower() == e.upper()) {
      return html(Fmt.num(e.value()) + suffix);
    }
    return html(Fmt.num(e.value()) + suffix) + " <span class=\"ci\">(" + html(Fmt.num(e.lower())) + "–"
        + html(Fmt.num(e.upper())) + ")</span>";
  }

  private static String hostCell(HostSummary h) {
    String s = "<b>" + html(h.key()) + "</b>";
    if (!h.noisy().isEmpty()) {
      s += h.priceCompared() ? " <span class=\"tag noisy\">⚠ noisy</span>" : " <span class=\"tag noisy\">noisy: not price-compared</span>";
    }
    return s;
  }

  private static String noisyMark(HostSummary h) {
    return h != null && !h.noisy().isEmpty() ? "⚠" : null;
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }
}
