package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.Decision;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML file: inline CSS and SVG, no script, no external reference. A Content
 * Security Policy forbids every fetch, so even a string that escaped escaping could not load or run
 * anything. Responsive (tables scroll, charts scale) and printable.
 */
public final class HtmlFormat implements ReportFormat {
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

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
        .append("<title>").append(html(a.title())).append("</title>\n<style>\n").append(HtmlStyle.CSS)
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
      WorkloadSection.render(sb, a, "w" + wi++, e.getKey(), e.getValue(), hosts, color);
    }
    AcceleratorSection.render(sb, a, accel, hosts, color);
    ThreadScalingSection.render(sb, a, series, color);
    LatencySection.render(sb, a, hosts, color);
    CpuSplitSection.render(sb, a, hosts);
    LambdaSection.render(sb, a);
    VariantsSection.renderHtml(sb, a);
    CapacitySection.render(sb, a, hosts);
    HostsSection.render(sb, a);
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
