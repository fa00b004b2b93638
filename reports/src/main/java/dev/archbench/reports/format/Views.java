package dev.archbench.reports.format;

import dev.archbench.record.LoadHost;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.KneeCell;
import dev.archbench.reports.Analysis.PrecisionCell;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.LoadSource;
import dev.archbench.reports.SizeCurves.SizeCurve;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Shared views of an analysis for the human-readable formats (what to show, not how). */
public final class Views {
  private Views() {}

  public static Map<String, HostSummary> hosts(Analysis a) {
    return a.hosts().stream().collect(Collectors.toMap(HostSummary::key, Function.identity(),
        (x, y) -> x, LinkedHashMap::new));
  }

  /** Benchmark rows per workload, in order. */
  public static Map<String, List<BenchmarkRow>> byWorkload(Analysis a) {
    Map<String, List<BenchmarkRow>> m = new LinkedHashMap<>();
    for (BenchmarkRow r : a.benchmarks()) {
      m.computeIfAbsent(r.workload(), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  public static WorkloadSummary summaryOf(Analysis a, String workload) {
    return a.workloads().stream().filter(w -> w.workload().equals(workload)).findFirst().orElse(null);
  }

  /** {@code benchmark [k=v, k=v] @4 threads}. */
  public static String benchmarkName(BenchmarkRow r) {
    StringBuilder sb = new StringBuilder(r.benchmark());
    if (!r.params().isEmpty()) {
      sb.append(" [").append(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "))).append(']');
    }
    sb.append(" @").append(r.threads()).append(r.threads() == 1 ? " thread" : " threads");
    return sb.append(variant(r)).toString();
  }

  /** {@code " · variant NAME"} for a result of a run of variants ({@code run --variant}), else "". */
  static String variant(BenchmarkRow r) {
    String v = dev.archbench.record.VariantRun.variantOf(r.key());
    return v == null ? "" : " · variant " + v;
  }

  /** Name of a series that differs only by thread count. */
  public static String seriesName(BenchmarkRow r) {
    StringBuilder sb = new StringBuilder(r.workload()).append(" / ").append(r.benchmark());
    if (!r.params().isEmpty()) {
      sb.append(" [").append(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "))).append(']');
    }
    return sb.toString();
  }

  /** Rows grouped by everything but threads, only where at least two thread counts exist. */
  public static Map<String, List<BenchmarkRow>> threadSeries(Analysis a) {
    Map<String, List<BenchmarkRow>> m = new LinkedHashMap<>();
    for (BenchmarkRow r : a.benchmarks()) {
      m.computeIfAbsent(r.workload() + "\n" + r.benchmark() + "\n" + r.params(), k -> new ArrayList<>()).add(r);
    }
    m.values().removeIf(list -> list.stream().map(BenchmarkRow::threads).distinct().count() < 2);
    return m;
  }

  /** Rows with at least one cell that has percentiles. */
  public static List<BenchmarkRow> withPercentiles(Analysis a) {
    return a.benchmarks().stream().filter(r -> r.cells().stream().anyMatch(c -> c.latency() != null
        && c.latency().percentilesMs().size() >= 2)).toList();
  }

  public static List<BenchmarkRow> withKnee(Analysis a) {
    return a.benchmarks().stream().filter(r -> r.cells().stream().anyMatch(c -> c.knee() != null)).toList();
  }

  /** Flags shown next to a host: noisy reasons when it is compared anyway, or why it is left out. */
  public static String flags(HostSummary h) {
    List<String> f = new ArrayList<>();
    if (!h.noisy().isEmpty()) {
      f.add((h.priceCompared() ? "noisy, included by --allow-noisy: " : "left out of price comparisons: ")
          + String.join(", ", h.noisy()));
    }
    if (h.unpriced() != null) {
      f.add("no price: " + h.unpriced());
    }
    if (h.priceNote() != null) {
      f.add(h.priceNote());
    }
    if (h.loadHost() != null) {
      f.add(loadHost(h.loadHost()));
    }
    return String.join("; ", f);
  }

  /**
   * Where the load came from, in words: that host (instance type or host id, arch, vCPUs), the
   * network as the server's kernel showed it, and what the server's CPU covered.
   */
  static String loadHost(LoadSource l) {
    List<String> parts = new ArrayList<>();
    parts.add("load from another host: " + (l.host() == null ? "unknown host" : l.host()) + " ("
        + (l.arch() == null ? "" : l.arch() + ", ") + (l.vcpus() == null ? "?" : l.vcpus()) + " vCPUs)");
    LoadHost.Network n = l.serverNetwork();
    if (n != null) {
      LoadHost.Interface i = n.interfaces().get(0);
      parts.add("server network " + (i.driver() == null ? i.name() : i.driver())
          + (i.driverVersion() == null ? "" : " " + i.driverVersion())
          + (n.bandwidth() == null ? "" : ", " + n.bandwidth()) + (n.efa() ? ", EFA" : ""));
    }
    parts.add("server CPU: " + l.serverCpu().id());
    if (l.records() < l.of()) {
      parts.add("in " + l.records() + " of " + l.of() + " records; the others had the generator on this host");
    }
    return String.join("; ", parts);
  }

  public static boolean anyNoisyCompared(Analysis a) {
    return a.hosts().stream().anyMatch(h -> !h.noisy().isEmpty() && h.priceCompared());
  }

  public static boolean allSmoke(Analysis a) {
    return !a.hosts().isEmpty() && a.hosts().stream().allMatch(HostSummary::smokeOnly);
  }

  /**
   * A cell's precision in words: "±1.9% of ±2% (target-met)", "±3.4% of ±2%, missed in 1 record
   * (budget)", "±4.1%", "±2.2% of ±2% (target-met); 1 fork not steady, left out".
   */
  public static String precisionText(PrecisionCell p) {
    String reached = p.halfWidth() == null ? "no interval" : "±" + Fmt.percent(p.halfWidth());
    String asked = p.target() == null ? "" : " of ±" + Fmt.percent(p.target());
    int missed = p.missed();
    String miss = missed == 0 ? "" : ", missed in " + missed + (missed == 1 ? " record" : " records");
    int unsteady = p.unsteadyForks();
    String left = unsteady == 0 ? "" : "; " + unsteady + (unsteady == 1 ? " fork" : " forks") + " not steady, left out";
    return reached + asked + miss + (p.stopReasons().isEmpty() ? "" : " (" + String.join(", ", p.stopReasons()) + ")")
        + left;
  }

  public static String verdictText(Cell c) {
    return c.relative() == null ? "" : c.relative().verdict().text();
  }

  /** Performance relative to the baseline, or null. */
  public static Estimate ratio(Cell c) {
    return c.relative() == null ? null : c.relative().ratio();
  }

  /**
   * A cell's ratio to the baseline in {@code m}: performance as compared, or work per $, which is
   * performance times the baseline's price over the host's (prices are exact, so the interval
   * scales with it). Null when not compared or, for work per $, either host is unpriced or noisy.
   */
  public static Estimate ratio(Analysis a, Map<String, HostSummary> hosts, Cell c, Measure m) {
    Estimate perf = ratio(c);
    if (perf == null || m == Measure.PERFORMANCE) {
      return perf;
    }
    HostSummary h = hosts.get(c.host());
    HostSummary base = hosts.get(a.baseline());
    if (base == null || h.usdPerHour() == null || base.usdPerHour() == null || !h.priceCompared()
        || !base.priceCompared()) {
      return null;
    }
    double k = base.usdPerHour() / h.usdPerHour();
    return perf.map(x -> x * k);
  }

  public static Tone tone(Cell c, Estimate ratio) {
    return Tone.of(ratio, c.relative() != null && c.relative().verdict() == Analysis.Verdict.UNTESTED);
  }

  /** Parameters that take more than one value among {@code rows}: what tells their benchmarks apart. */
  public static java.util.Set<String> varyingParams(List<BenchmarkRow> rows) {
    Map<String, java.util.Set<String>> values = new java.util.TreeMap<>();
    for (BenchmarkRow r : rows) {
      r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v));
    }
    java.util.Set<String> out = new java.util.TreeSet<>();
    values.forEach((k, v) -> {
      if (v.size() > 1 || rows.stream().anyMatch(r -> !r.params().containsKey(k))) {
        out.add(k);
      }
    });
    return out;
  }

  /** A short name within a workload: the benchmark, the parameters that vary, the threads. */
  public static String shortName(BenchmarkRow r, java.util.Set<String> varying) {
    StringBuilder sb = new StringBuilder(r.benchmark());
    r.params().forEach((k, v) -> {
      if (varying.contains(k)) {
        sb.append(' ').append(k).append('=').append(v);
      }
    });
    return sb.append(" @").append(r.threads()).append(variant(r)).toString();
  }

  /**
   * A knee step's load generator in words, when it ran on its own host: ", generator 34%", or
   * ", generator 81%: generator-bound, not used"; empty otherwise.
   */
  public static String generator(dev.archbench.record.Knee.Step st) {
    String busy = st.generatorCpu() == null ? "" : ", generator " + Fmt.wholePercent(st.generatorCpu());
    return st.valid() ? busy : busy + ": " + st.invalid().id() + ", not used";
  }

  /** Whose limit ended a knee's search, when the generator's: a note for the knee's row. */
  public static String limitNote(KneeCell k) {
    if (k.limitedBy() == dev.archbench.record.Knee.LimitedBy.GENERATOR
        && k.found() == dev.archbench.record.Knee.Found.UPPER_BOUND) {
      return "limited by the load generator from the lowest rate tried: the server's knee was not measured";
    }
    return k.limitedBy() == dev.archbench.record.Knee.LimitedBy.GENERATOR
        ? "limited by the load generator (" + k.generatorBoundSteps() + " step" + (k.generatorBoundSteps() == 1 ? "" : "s")
            + " generator-bound, not used): the server's knee is at least this"
        : "";
  }

  public static String kneePrefix(KneeCell k) {
    return kneePrefix(k.found());
  }

  public static String kneePrefix(dev.archbench.record.Knee.Found found) {
    return switch (found) {
      case LOWER_BOUND -> "≥ ";
      case UPPER_BOUND -> "< ";
      default -> "";
    };
  }

  /** What the Lambda section's numbers are, said before the table of either format. */
  public static final String LAMBDA_INTRO = "A function's memory size sets its CPU share and its price. Cold: the "
      + "first invocation of a new execution environment (a new JVM, empty caches); warm: an environment that had "
      + "served before. They are kept apart, each its own line and rows, and priced alike. Cost: an operation's share "
      + "of the duration price while the function is busy; p99 from the merged latency histograms of the invocations";

  /** The Lambda size curves grouped by benchmark, in the analysis's row order. */
  public static Map<String, List<SizeCurve>> lambdaByBenchmark(Analysis a) {
    Map<String, List<SizeCurve>> out = new LinkedHashMap<>();
    for (SizeCurve c : a.lambdaSizes()) {
      out.computeIfAbsent(c.benchmarkKey(), k -> new ArrayList<>()).add(c);
    }
    return out;
  }

  /** A Lambda curve's start, cold or warm, or a dash for records that do not say. */
  public static String lambdaStart(SizeCurve c) {
    return c.start() == null ? "–" : c.start().id();
  }

  /** The benchmark row with this key, or null. */
  public static BenchmarkRow row(Analysis a, String key) {
    return a.benchmarks().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
  }

  /** Whether a ratio can be drawn on a log axis: positive and finite. */
  public static boolean usable(Estimate e) {
    return e != null && e.lower() > 0 && Double.isFinite(e.upper()) && e.value() > 0;
  }

  /** {@code 1.09× (1.08–1.10)}, or the point alone when there is no interval. */
  public static String ratioText(Estimate e) {
    if (e == null) {
      return "–";
    }
    if (e.lower() == e.upper()) {
      return Fmt.num(e.value()) + "×";
    }
    return Fmt.times(e);
  }
}
