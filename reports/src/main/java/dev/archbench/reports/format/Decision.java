package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The decision a reader came for, in words and numbers with intervals: per workload which host gives
 * the most work per dollar, by how much and how sure; the capacity answers; what the comparison does
 * not cover. One host: what it does per dollar and how to compare it with others. HTML and Markdown
 * render the same lines, so both show the same numbers.
 */
public final class Decision {
  private Decision() {}

  /**
   * One statement: a bold lead (may be null), plain text, and a command to show as code (may be
   * null). Text is not escaped; each format escapes it.
   */
  public record Line(String lead, String text, String code) {
    static Line of(String lead, String text) {
      return new Line(lead, text, null);
    }
  }

  public record Section(String id, String heading, List<Line> lines) {}

  public static List<Section> of(Analysis a) {
    List<Section> out = new ArrayList<>();
    Map<String, HostSummary> hosts = Views.hosts(a);
    if (a.hosts().size() >= 2) {
      out.add(new Section("best", "Which host, per workload", best(a, hosts)));
      if (!a.capacity().isEmpty()) {
        out.add(new Section("capacity-answer", "Capacity", capacity(a)));
      }
    } else if (a.hosts().size() == 1) {
      HostSummary h = a.hosts().get(0);
      out.add(new Section("this-host", "What " + h.key() + " does", thisHost(a, h)));
      if (!a.capacity().isEmpty()) {
        out.add(new Section("capacity-answer", "Capacity", capacity(a)));
      }
      out.add(new Section("next", "Compare it with other hosts", next()));
    }
    List<Line> gaps = DecisionGaps.of(a);
    if (!gaps.isEmpty()) {
      out.add(new Section("coverage", "What this comparison does not cover", gaps));
    }
    return out;
  }

  private static List<Line> best(Analysis a, Map<String, HostSummary> hosts) {
    List<Line> lines = new ArrayList<>();
    for (WorkloadSummary w : a.workloads()) {
      lines.add(workloadLine(a, hosts, w, w.workload()));
    }
    if (a.workloads().size() > 1) {
      lines.add(workloadLine(a, hosts, a.overall(), "All workloads"));
    }
    return lines;
  }

  /** The measure a workload is ranked by: work per $ when at least two compared hosts are priced. */
  public static Measure measure(WorkloadSummary w, Map<String, HostSummary> hosts) {
    long priced = w.hosts().stream().filter(g -> g.relativePricePerformance() != null
        && hosts.get(g.host()).priceCompared()).count();
    return priced >= 2 ? Measure.WORK_PER_DOLLAR : Measure.PERFORMANCE;
  }

  private static Estimate value(HostAggregate g, Measure m) {
    return m == Measure.WORK_PER_DOLLAR ? g.relativePricePerformance() : g.relative();
  }

  private static Line workloadLine(Analysis a, Map<String, HostSummary> hosts, WorkloadSummary w, String name) {
    Measure m = measure(w, hosts);
    List<HostAggregate> ranked = w.hosts().stream()
        .filter(g -> hosts.get(g.host()).priceCompared() && value(g, m) != null)
        .sorted(Comparator.comparingDouble((HostAggregate g) -> -value(g, m).value()).thenComparing(HostAggregate::host))
        .toList();
    if (ranked.size() < 2) {
      return Line.of(name + ":", "fewer than two comparable hosts measured it; nothing to rank.");
    }
    String verdict = m == Measure.WORK_PER_DOLLAR ? w.pricePerformanceVerdict() : w.performanceVerdict();
    StringBuilder t = new StringBuilder();
    String lead;
    HostAggregate top = ranked.get(0);
    if (verdict != null && verdict.startsWith("no significant difference")) {
      lead = name + ": can't tell";
      t.append("the intervals of ").append(verdict.substring("no significant difference between ".length()))
          .append(" overlap. ");
    } else if (!top.host().equals(a.baseline()) && value(top, m).lower() == value(top, m).upper()) {
      // A single measurement has no interval: ahead, but not with any stated confidence.
      lead = name + ": can't tell";
      t.append(top.host()).append(" is ahead on single measurements, which have no interval. ");
    } else {
      lead = name + ": " + top.host();
      t.append(m.best()).append(" (95% confidence). ");
    }
    List<String> parts = new ArrayList<>();
    for (HostAggregate g : ranked) {
      if (!g.host().equals(a.baseline())) {
        parts.add(g.host() + " " + Fmt.times(value(g, m)));
      }
    }
    t.append(capitalized(m.noun())).append(" relative to ").append(a.baseline()).append(": ")
        .append(String.join(", ", parts)).append('.');
    if (m == Measure.PERFORMANCE) {
      t.append(" Not ranked by price: fewer than two compared hosts are priced.");
    }
    List<String> perHost = new ArrayList<>();
    for (HostAggregate g : ranked) {
      if (g.host().equals(a.baseline())) {
        continue;
      }
      Map<Tone, Integer> tones = tones(a, hosts, name.equals("All workloads") ? null : w.workload(), g.host(), m);
      if (tones.values().stream().mapToInt(Integer::intValue).sum() > 0) {
        perHost.add(g.host() + " better on " + tones.get(Tone.BETTER) + ", worse on " + tones.get(Tone.WORSE)
            + ", can't tell on " + tones.get(Tone.UNCLEAR));
      }
    }
    if (!perHost.isEmpty()) {
      t.append(" Per benchmark: ").append(String.join("; ", perHost)).append('.');
    }
    return Line.of(lead, t.toString());
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** How one host's per-benchmark comparisons with the baseline read, in a workload (null: all). */
  private static Map<Tone, Integer> tones(Analysis a, Map<String, HostSummary> hosts, String workload, String host,
      Measure m) {
    Map<Tone, Integer> n = new EnumMap<>(Tone.class);
    for (Tone t : Tone.values()) {
      n.put(t, 0);
    }
    for (BenchmarkRow r : a.benchmarks()) {
      if (workload != null && !r.workload().equals(workload)) {
        continue;
      }
      for (Cell c : r.cells()) {
        if (!c.host().equals(host)) {
          continue;
        }
        Estimate ratio = Views.ratio(a, hosts, c, m);
        if (ratio != null) {
          n.merge(Views.tone(c, ratio), 1, Integer::sum);
        }
      }
    }
    return n;
  }

  private static List<Line> capacity(Analysis a) {
    List<Line> lines = new ArrayList<>();
    for (CapacityPlan p : a.capacity()) {
      List<String> parts = new ArrayList<>();
      CapacityAnswer cheapest = null;
      for (CapacityAnswer c : p.answers()) {
        if (c.instances() == null) {
          parts.add(c.host() + ": " + (c.note() == null ? "no answer" : c.note()));
          continue;
        }
        String s = c.host() + ": " + c.instances() + (c.instances() == 1 ? " instance" : " instances");
        if (c.monthlyUsd() != null) {
          s += ", " + Fmt.usd(c.monthlyUsd()) + "/month";
          if (cheapest == null || c.monthlyUsd() < cheapest.monthlyUsd()) {
            cheapest = c;
          }
        }
        if (c.instancesConservative() != null && !c.instancesConservative().equals(c.instances())) {
          s += " (" + c.instancesConservative() + " at the knee's lower bound"
              + (c.monthlyUsdConservative() == null ? "" : ", " + Fmt.usd(c.monthlyUsdConservative())) + ")";
        }
        parts.add(s);
      }
      long priced = p.answers().stream().filter(c -> c.monthlyUsd() != null).count();
      String lead = p.target() + (cheapest == null || priced < 2 ? ":" : ": " + cheapest.host() + " costs least at the knee");
      lines.add(Line.of(lead, String.join("; ", parts) + "."));
    }
    return lines;
  }

  private static List<Line> thisHost(Analysis a, HostSummary h) {
    List<Line> lines = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    s.append(h.arch() == null ? "" : h.arch()).append(h.vcpus() == null ? "" : ", " + h.vcpus() + " vCPUs")
        .append(h.cpuModel() == null ? "" : ", " + h.cpuModel());
    if (h.usdPerHour() != null && h.priceCompared()) {
      s.append("; priced at ").append(Fmt.usd(h.usdPerHour())).append(" per hour (").append(h.priceSource()).append(").");
    } else if (h.usdPerHour() != null) {
      s.append("; priced at ").append(Fmt.usd(h.usdPerHour())).append(" per hour, but its records are noisy: no work per $.");
    } else {
      s.append("; no price").append(h.unpriced() == null ? "" : " (" + h.unpriced() + ")")
          .append(": no work per $. Give one with --price ").append(h.label() != null ? h.label() : h.key())
          .append("=USD_PER_HOUR.");
    }
    lines.add(Line.of(h.key() + ":", s.toString().replaceFirst("^, ", "")));
    for (var e : Views.byWorkload(a).entrySet()) {
      lines.add(Line.of(e.getKey() + ":", perDollarRange(e.getValue())));
    }
    return lines;
  }

  /** The range of work per $ over a workload's benchmarks, when they share a unit. */
  private static String perDollarRange(List<BenchmarkRow> rows) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    String unit = null;
    boolean oneUnit = true;
    int n = 0;
    for (BenchmarkRow r : rows) {
      for (Cell c : r.cells()) {
        if (c.rates().workPerDollar() == null) {
          continue;
        }
        n++;
        if (unit != null && !unit.equals(r.perDollarUnit())) {
          oneUnit = false;
        }
        unit = r.perDollarUnit();
        lo = Math.min(lo, c.rates().workPerDollar().value());
        hi = Math.max(hi, c.rates().workPerDollar().value());
      }
    }
    String count = rows.size() + (rows.size() == 1 ? " benchmark" : " benchmarks");
    if (n == 0) {
      return count + " measured; no work per $ (no price or no work rate); the scores are in the table below.";
    }
    if (!oneUnit) {
      return count + " measured; work per $ of each is in the table below.";
    }
    return count + " measured; work per $ from " + Fmt.num(lo) + " to " + Fmt.num(hi) + " " + unit
        + " (each with its interval in the table below).";
  }

  private static List<Line> next() {
    return List.of(
        new Line("Run the same profile on other instance types:", "one EC2 instance per type, records and report "
            + "downloaded (README, Run on EC2):", "ci/ec2/launch --bucket BUCKET --instance-types c7g.xlarge,c7i.xlarge"),
        new Line("Or run on any other machine", "and collect its results/ folder:", "./archbench run"),
        new Line("Then report them together:", "hosts that are not EC2 need a price (--price LABEL=USD_PER_HOUR); "
            + "--baseline picks the host the others are compared with; --target-load answers capacity questions.",
            "./archbench report results/ other-results/ --price laptop=0.05"));
  }
}
