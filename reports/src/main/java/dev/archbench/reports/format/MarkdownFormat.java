package dev.archbench.reports.format;

import static dev.archbench.reports.format.Fmt.md;

import dev.archbench.record.Knee;
import dev.archbench.record.Status;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.SizeCurves.SizeCurve;
import dev.archbench.reports.SizeCurves.SizePoint;
import java.util.List;
import java.util.Map;

/**
 * Markdown for a GitHub job summary or pull-request comment: the decision (the same lines as the HTML
 * report's), summary, hosts, and per-benchmark tables folded in {@code <details>}. Every string
 * from a record is escaped ({@link Fmt#md}).
 */
final class MarkdownFormat implements ReportFormat {
  @Override
  public String render(Analysis a) {
    StringBuilder sb = new StringBuilder();
    Map<String, HostSummary> hosts = Views.hosts(a);
    sb.append("# ").append(md(a.title())).append("\n\n");
    if (Views.allSmoke(a)) {
      sb.append("> **Smoke profile:** these numbers check that the harness works; do not compare them.\n\n");
    }
    if (Views.anyNoisyCompared(a)) {
      sb.append("> **Noisy records included (--allow-noisy):** hosts marked ⚠ ran the smoke profile or on "
          + "shared CI runners; their price comparisons are indicative only.\n\n");
    }
    boolean compared = a.hosts().size() >= 2;
    sb.append("Pricing: **").append(md(a.pricingModel())).append("**");
    if (compared) {
      sb.append(" · Baseline: **").append(md(a.baseline())).append("**");
    }
    sb.append(" · Intervals: 95%, hierarchical bootstrap over records, forks and iterations (")
        .append(a.method().replicates()).append(" replicates, fixed seed)\n\n");
    sb.append("Prices: ").append(md(String.join("; ", a.priceSources()))).append("\n\n");

    // The decision first, line for line as in the HTML report.
    sb.append("## Decision\n\n");
    for (Decision.Section s : Decision.of(a)) {
      sb.append("### ").append(md(s.heading())).append("\n\n");
      for (Decision.Line l : s.lines()) {
        sb.append("- ");
        if (l.lead() != null) {
          sb.append("**").append(md(l.lead())).append("** ");
        }
        sb.append(md(l.text()));
        if (l.code() != null) {
          sb.append(" `").append(l.code().replace("`", "'")).append('`');
        }
        sb.append('\n');
      }
      sb.append('\n');
    }

    if (compared) {
      sb.append("## Summary\n\n");
      sb.append("Geometric means over all workloads, relative to the baseline.\n\n");
      sb.append("| Host | Arch | $/hour | Performance | Work per $ | Benchmarks |\n|---|---|---|---|---|---|\n");
      for (HostAggregate g : a.overall().hosts()) {
        HostSummary h = hosts.get(g.host());
        sb.append("| ").append(hostName(h)).append(" | ").append(md(h.arch())).append(" | ")
            .append(h.usdPerHour() == null ? "–" : Fmt.usd(h.usdPerHour())).append(" | ")
            .append(Fmt.times(g.relative())).append(" | ")
            .append(g.relativePricePerformance() == null ? "–" : Fmt.times(g.relativePricePerformance()))
            .append(" | ").append(g.benchmarks()).append(" |\n");
      }
      sb.append('\n');
    }

    sb.append("## Hosts\n\n| Host | Instance type | Arch | CPU | vCPUs | Cores | Memory | JVM | $/hour | Records | Notes |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (HostSummary h : a.hosts()) {
      sb.append("| ").append(hostName(h)).append(" | ").append(md(orDash(h.instanceType()))).append(" | ")
          .append(md(orDash(h.arch()))).append(" | ")
          .append(md(orDash(join(h.cpuModel(), h.microarchitecture())))).append(" | ")
          .append(h.vcpus() == null ? "–" : h.vcpus()).append(" | ")
          .append(h.physicalCores() == null ? "–" : h.physicalCores()).append(" | ")
          .append(Fmt.bytes(h.memoryBytes())).append(" | ").append(md(orDash(h.jvm()))).append(" | ")
          .append(h.usdPerHour() == null ? "–" : Fmt.usd(h.usdPerHour())).append(" | ")
          .append(h.runIds().size()).append(" | ").append(md(Views.flags(h))).append(" |\n");
    }
    sb.append('\n');

    // Per-benchmark tables folded away: a job summary shows the decision, details on demand.
    for (var e : Views.byWorkload(a).entrySet()) {
      sb.append("## ").append(md(e.getKey())).append("\n\n<details><summary>").append(e.getValue().size())
          .append(e.getValue().size() == 1 ? " benchmark" : " benchmarks").append("</summary>\n\n");
      sb.append(compared ? "| Benchmark | Host | Score | vs baseline | Work per $ | Cost | Per vCPU | Precision |\n|---|---|---|---|---|---|---|---|\n"
          : "| Benchmark | Host | Score | Work per $ | Cost | Per vCPU | Precision |\n|---|---|---|---|---|---|---|\n");
      for (BenchmarkRow r : e.getValue()) {
        for (Cell c : r.cells()) {
          sb.append("| ").append(md(Views.benchmarkName(r))).append(" | ").append(hostName(hosts.get(c.host())))
              .append(" | ");
          if (c.status() != Status.OK) {
            sb.append(md(c.status().id() + (c.reason() == null ? "" : ": " + c.reason()))).append(compared ? " | | | | | |\n" : " | | | | |\n");
            continue;
          }
          sb.append(c.score() == null ? "–" : Fmt.est(c.score()) + " " + md(r.unit())).append(" | ");
          if (compared) {
            sb.append(Views.ratio(c) == null ? "–" : Fmt.changeEst(Views.ratio(c)) + " " + md(Views.verdictText(c))).append(" | ");
          }
          sb
              .append(c.rates().workPerDollar() == null ? "–" : Fmt.est(c.rates().workPerDollar()) + " " + md(r.perDollarUnit()))
              .append(" | ")
              .append(c.rates().costPerMillion() == null ? "–" : Fmt.est(c.rates().costPerMillion()) + " " + md(r.costUnit()))
              .append(" | ")
              .append(c.rates().perVcpu() == null ? "–" : Fmt.num(c.rates().perVcpu().value()) + " " + md(r.workUnit()) + "/s")
              .append(" | ").append(precision(c)).append(" |\n");
        }
        if (r.pricePerformanceVerdict() != null) {
          sb.append("| ").append(md(Views.benchmarkName(r))).append(" | **verdict** | ")
              .append(md(r.pricePerformanceVerdict())).append(compared ? " | | | | | |\n" : " | | | | |\n");
        }
      }
      sb.append("\n</details>\n\n");
    }

    List<BenchmarkRow> knees = Views.withKnee(a);
    if (!knees.isEmpty()) {
      sb.append("## Latency-bound cost\n\nDollars per million requests when serving at the knee (highest rate with the latency percentile within the bound; ≥: every rate tried met it, <: none did).\n\n")
          .append("| Benchmark | Host | Knee | Bound | $ per million at the knee |\n|---|---|---|---|---|\n");
      for (BenchmarkRow r : knees) {
        for (Cell c : r.cells()) {
          if (c.knee() == null) {
            continue;
          }
          sb.append("| ").append(md(Views.benchmarkName(r))).append(" | ").append(hostName(hosts.get(c.host())))
              .append(" | ").append(Views.kneePrefix(c.knee())).append(Fmt.est(c.knee().rate())).append(' ')
              .append(md(c.knee().unit())).append(" | ")
              .append(c.knee().percentile()).append(" < ").append(Fmt.num(c.knee().boundMs())).append(" ms").append(" | ")
              .append(c.knee().costPerMillion() == null ? "–" : Fmt.est(c.knee().costPerMillion())).append(" |\n");
        }
      }
      sb.append('\n');
      kneeSearches(sb, knees, hosts);
    }

    lambdaSizes(sb, a);

    for (CapacityPlan p : a.capacity()) {
      sb.append("## Capacity: ").append(md(p.target())).append("\n\n")
          .append("| Host | Benchmark | Knee | Instances | Monthly cost (730 h) | Conservative (knee lower bound) | Note |\n")
          .append("|---|---|---|---|---|---|---|\n");
      for (CapacityAnswer c : p.answers()) {
        sb.append("| ").append(hostName(hosts.get(c.host()))).append(" | ").append(md(orDash(c.benchmark())))
            .append(" | ").append(c.knee() == null ? "–" : Fmt.est(c.knee())).append(" | ")
            .append(c.instances() == null ? "–" : c.instances()).append(" | ")
            .append(c.monthlyUsd() == null ? "–" : Fmt.usd(c.monthlyUsd())).append(" | ")
            .append(c.instancesConservative() == null ? "–" : c.instancesConservative() + (c.instancesConservative() == 1 ? " instance" : " instances")
                + (c.monthlyUsdConservative() == null ? "" : ", " + Fmt.usd(c.monthlyUsdConservative())))
            .append(" | ").append(md(c.note() == null ? "" : c.note())).append(" |\n");
      }
      sb.append('\n');
    }

    VariantsText.renderMarkdown(sb, a);
    if (!a.problems().isEmpty()) {
      sb.append("## Problems with the input\n\n");
      for (String p : a.problems()) {
        sb.append("- ").append(md(p)).append('\n');
      }
      sb.append('\n');
    }
    sb.append("## Method\n\n")
        .append("- Score: ").append(md(a.method().scoreEstimator())).append(".\n")
        .append("- Interval: ").append(md(a.method().interval())).append(", ").append(md(a.method().significance()))
        .append(". Seed ").append(md(a.method().seed())).append(".\n")
        .append("- Geometric means: ").append(md(a.method().geometricMean())).append(".\n")
        .append("- Price-performance: ").append(md(a.method().priceNormalization())).append(".\n");
    return sb.toString();
  }

  /** The precision asked and reached; bold when a record stopped short of its target. */
  private static String precision(Cell c) {
    Analysis.PrecisionCell p = c.sample().precision();
    if (p == null) {
      return "–";
    }
    String text = md(Views.precisionText(p));
    return p.missed() > 0 ? "**" + text + "**" : text;
  }

  private static String hostName(HostSummary h) {
    String name = md(h.key());
    if (!h.noisy().isEmpty()) {
      name += h.priceCompared() ? " ⚠ noisy" : " (noisy, not price-compared)";
    }
    return name;
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "–" : s;
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + " (" + b + ")";
  }

  /** Every fork's knee search step by step: the latency-against-load curve behind each knee. */
  private static void kneeSearches(StringBuilder sb, List<BenchmarkRow> knees, Map<String, HostSummary> hosts) {
    StringBuilder rows = new StringBuilder();
    for (BenchmarkRow r : knees) {
      for (Cell c : r.cells()) {
        if (c.knee() == null) {
          continue;
        }
        int fork = 0;
        for (List<Knee.Step> search : c.knee().searches()) {
          rows.append("| ").append(md(Views.benchmarkName(r))).append(" | ").append(hostName(hosts.get(c.host())))
              .append(" | ").append(++fork).append(" | ");
          for (int i = 0; i < search.size(); i++) {
            Knee.Step st = search.get(i);
            rows.append(i == 0 ? "" : "; ").append(Fmt.num(st.offered())).append(" → ").append(Fmt.num(st.achieved()))
                .append(": ").append(Fmt.num(st.p50Ms())).append(" / ").append(Fmt.num(st.p99Ms()))
                .append(st.errors() == 0 ? "" : " (" + st.errors() + " errors)")
                .append(Views.generator(st));
          }
          rows.append(" |\n");
        }
      }
    }
    if (rows.length() > 0) {
      sb.append("<details><summary>Knee searches, step by step</summary>\n\n")
          .append("Each fork's search in the order tried: offered → answered rate, then p50 / p99 latency in ms")
          .append(knees.stream().flatMap(r -> r.cells().stream()).anyMatch(c -> c.knee() != null
              && c.knee().searches().stream().flatMap(List::stream).anyMatch(st -> st.generatorCpu() != null))
              ? "; with load from another host, how busy the load generator was (share of its CPUs), and"
                  + " **not used** where it was above half of them or answers were wrong" : "")
          .append(".\n\n")
          .append("| Benchmark | Host | Fork | Steps |\n|---|---|---|---|\n").append(rows).append("\n</details>\n\n");
    }
  }

  /** The Lambda section: the HTML section's table, one row per point. */
  private static void lambdaSizes(StringBuilder sb, Analysis a) {
    if (a.lambdaSizes().isEmpty()) {
      return;
    }
    sb.append("## Lambda memory sizes\n\n").append(Views.LAMBDA_INTRO).append(" (requests are extra).\n\n")
        .append("| Benchmark | Architecture | Start | Memory | Host | Cost | p99 |\n|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<SizeCurve>> e : Views.lambdaByBenchmark(a).entrySet()) {
      BenchmarkRow row = Views.row(a, e.getKey());
      String name = row == null ? e.getKey() : Views.benchmarkName(row);
      for (SizeCurve c : e.getValue()) {
        for (SizePoint p : c.points()) {
          sb.append("| ").append(md(name)).append(" | ").append(md(c.arch())).append(" | ").append(Views.lambdaStart(c))
              .append(" | ").append(p.memoryMb()).append(" MB | ").append(md(p.host())).append(" | ")
              .append(p.costPerMillion() == null ? "–"
                  : Fmt.est(p.costPerMillion()) + " " + md(c.costUnit() == null ? "–" : c.costUnit()))
              .append(" | ").append(p.p99Ms() == null ? "–" : Fmt.num(p.p99Ms()) + " ms").append(" |\n");
        }
      }
    }
    sb.append('\n');
  }
}
