package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.CellEstimation.Work;
import dev.archbench.reports.price.PriceCatalog;
import dev.archbench.reports.price.PriceResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns records into an {@link Analysis}, as a pipeline of stages with typed outputs:
 * {@link InputValidation} (accepted records) → {@link HostGrouping} (priced hosts) →
 * {@link CellEstimation} (one benchmark on one host) → {@link Comparisons} (relative to the
 * baseline, geometric means) → {@link CapacityPlanner} ({@code --target-load}). Deterministic: seeds
 * derive from host and benchmark names, sums run in a fixed order, logarithms use {@link StrictMath}.
 */
public final class Analyzer {
  private Analyzer() {}

  /**
   * Analyzes records; {@code loadProblems} (files that could not be read) are carried into the
   * analysis's problem list.
   *
   * @throws IllegalArgumentException when {@code --baseline} names no host
   */
  public static Analysis analyze(List<LoadedRecord> records, List<String> loadProblems, ReportOptions opt) {
    List<String> problems = new ArrayList<>(loadProblems);
    PriceResolver prices = new PriceResolver(opt.prices(), opt.userCatalog(), PriceCatalog.embedded(),
        opt.spotPrices(), opt.pricing());
    DecodedLatency latency = new DecodedLatency();
    List<AcceptedRecord> accepted = InputValidation.accept(records, problems, latency);
    List<HostGroup> hosts = HostGrouping.group(accepted, opt, prices, problems);
    String baseline = baseline(hosts, opt);
    Map<String, HostGroup> byKey = new LinkedHashMap<>();
    hosts.forEach(h -> byKey.put(h.key(), h));

    int b = opt.replicates();
    Comparisons comparisons = new Comparisons(b, baseline, byKey);
    List<BenchmarkRow> rows = new ArrayList<>();
    for (BenchmarkResult spec : rowSpecs(accepted)) {
      Optional<ScoreUnit> su = ScoreUnit.of(spec.unit());
      List<Work> works = hosts.parallelStream().map(h -> CellEstimation.estimate(spec, su, h, b, latency)).toList();
      rows.add(comparisons.row(spec, works));
    }
    Map<String, List<double[]>> overallReps = new TreeMap<>();
    Map<String, List<Double>> overallPoints = new TreeMap<>();
    List<WorkloadSummary> workloads = comparisons.workloads(hosts, overallReps, overallPoints);
    WorkloadSummary overall = comparisons.overall(hosts, rows, overallReps, overallPoints);
    List<CapacityPlan> capacity = opt.targetLoads().stream()
        .map(t -> CapacityPlanner.plan(t, rows, byKey.values())).toList();

    int recordCount = accepted.size();
    String title = opt.title() != null ? opt.title()
        : "archbench report: " + hosts.size() + (hosts.size() == 1 ? " host, " : " hosts, ")
            + recordCount + (recordCount == 1 ? " record" : " records");
    return new Analysis(title, method(b), opt.pricing().id(), prices.sources(), baseline, opt.allowNoisy(),
        hosts.stream().map(HostGroup::summary).toList(), rows, workloads, overall, capacity,
        List.copyOf(problems), LoadCpuSplits.of(rows, hosts), SizeCurves.of(hosts, rows), variants(accepted));
  }

  /** Each record of a run of variants, its variants compared with its baseline at the run's threshold. */
  private static List<Analysis.VariantSection> variants(List<AcceptedRecord> accepted) {
    List<Analysis.VariantSection> out = new ArrayList<>();
    for (AcceptedRecord a : accepted) {
      if (!a.record().hasVariants()) {
        continue;
      }
      Double t = a.record().variants().threshold();
      double threshold = t == null ? VariantComparison.DEFAULT_THRESHOLD : t;
      VariantComparison.Result r = VariantComparison.compare(new LoadedRecord(a.file(), a.record()), threshold,
          a::whyLeftOut);
      out.add(new Analysis.VariantSection(a.file(), a.record().hostKey(), r.variants(), VariantComparison.concurrency(r),
          threshold, r.rows()));
    }
    return out;
  }

  /** One result per benchmark key, ordered by workload, benchmark, parameters and threads. */
  private static List<BenchmarkResult> rowSpecs(List<AcceptedRecord> accepted) {
    TreeMap<String, BenchmarkResult> byKey = new TreeMap<>();
    for (AcceptedRecord a : accepted) {
      for (BenchmarkResult r : a.results()) {
        byKey.putIfAbsent(r.key(), r);
      }
    }
    List<BenchmarkResult> specs = new ArrayList<>(byKey.values());
    specs.sort(Comparator.comparing(BenchmarkResult::workload)
        .thenComparing(BenchmarkResult::benchmark)
        .thenComparing(r -> paramsText(r.params()))
        .thenComparingInt(BenchmarkResult::threads));
    return specs;
  }

  static Analysis.Method method(int b) {
    return new Analysis.Method(
        "95% percentile bootstrap interval",
        "mean over records of the mean over forks of each fork's mean iteration score (the raw "
            + "per-iteration data, not a summary)",
        b,
        "fixed: derived from host and benchmark names (reports are reproducible byte for byte)",
        "hierarchical bootstrap (Kalibera and Jones): resample records with replacement, then forks "
            + "within each chosen record, then iterations within each chosen fork; an interval says "
            + "which levels it could not include; ratios use independent replicates of both hosts; "
            + "overlapping intervals are reported as no significant difference; latency percentiles "
            + "come from the merged HdrHistogram histograms of every fork",
        "geometric mean of ratios to the baseline per workload, then over workloads (each workload weighs the same)",
        "work per $ = work per second x 3600 / USD per hour; times per operation are inverted to "
            + "operations per second (threads / time)");
  }

  private static String baseline(List<HostGroup> hosts, ReportOptions opt) {
    if (hosts.isEmpty()) {
      return null;
    }
    if (opt.baseline() == null) {
      return hosts.get(0).key();
    }
    for (HostGroup h : hosts) {
      HostSummary s = h.summary();
      if (opt.baseline().equals(h.key()) || opt.baseline().equals(s.instanceType())
          || s.runIds().contains(opt.baseline())
          || h.records().stream().anyMatch(a -> opt.baseline().equals(a.record().run().label())
              || opt.baseline().equals(a.record().host().id()))) {
        return h.key();
      }
    }
    throw new IllegalArgumentException("--baseline " + opt.baseline() + " matches no host (hosts: "
        + hosts.stream().map(HostGroup::key).collect(Collectors.joining(", ")) + ")");
  }

  private static String paramsText(Map<String, String> params) {
    if (params == null || params.isEmpty()) {
      return "";
    }
    return new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
