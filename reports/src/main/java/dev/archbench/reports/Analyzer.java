package dev.archbench.reports;

import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.price.CatalogEntry;
import dev.archbench.reports.price.HostPrice;
import dev.archbench.reports.price.PriceCatalog;
import dev.archbench.reports.price.PriceResolver;
import dev.archbench.reports.stats.Estimate;
import dev.archbench.reports.stats.HierarchicalBootstrap;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns records into an {@link Analysis}: groups records by host, prices hosts, bootstraps every
 * benchmark on every host, and derives relative performance, price-performance, geometric means and
 * capacity answers. Deterministic: seeds derive from host and benchmark names, sums run in a fixed
 * order, logarithms use {@link StrictMath}.
 */
public final class Analyzer {
  /** Warning code of records made on shared CI runners (noisy neighbours). */
  public static final String SHARED_CI_RUNNER = "shared-ci-runner";
  /** Names of the secondary metric that holds the knee (highest rate with p99 under the target). */
  public static final List<String> KNEE_METRICS = List.of("knee", "kneeRate", "maxRateUnderBound");
  /** Where a result states the knee's latency target, in ms (attribute, parameter or secondary metric). */
  public static final List<String> KNEE_TARGET_NAMES = List.of("p99TargetMs", "kneeP99TargetMs", "latencyBoundMs");
  static final double HOURS_PER_MONTH = 730;
  private static final MathContext SIX = new MathContext(6);

  private final ReportOptions opt;
  private final PriceResolver prices;
  private final List<String> problems = new ArrayList<>();

  private Analyzer(ReportOptions opt) {
    this.opt = opt;
    this.prices = new PriceResolver(opt.prices(), opt.userCatalog(), PriceCatalog.embedded(),
        opt.spotPrices(), opt.pricing());
  }

  /** A host's records with the results that passed validation. */
  private record Accepted(String file, RunRecord record, List<BenchmarkResult> results) {}

  /** A host's records, its summary, and its results by key (in record order). */
  private record HostGroup(String key, List<Accepted> records, HostSummary summary,
      Map<String, List<BenchmarkResult>> byKey) {}

  /** Per cell, what the later steps need beyond the cell: performance replicates. */
  private record Work(Cell cell, double[] perf, double perfPoint) {}

  /** Running sums of log ratios per replicate, for geometric means. */
  private static final class LogSum {
    final double[] reps;
    double point;
    int n;

    LogSum(int b) {
      reps = new double[b];
    }
  }

  /**
   * Analyzes records; {@code loadProblems} (files that could not be read) are carried into the
   * analysis's problem list.
   *
   * @throws IllegalArgumentException when {@code --baseline} names no host
   */
  public static Analysis analyze(List<LoadedRecord> records, List<String> loadProblems, ReportOptions opt) {
    Analyzer a = new Analyzer(opt);
    a.problems.addAll(loadProblems);
    return a.run(records);
  }

  private Analysis run(List<LoadedRecord> input) {
    List<Accepted> accepted = validate(input);
    List<HostGroup> hosts = group(accepted);
    String baseline = baseline(hosts);
    Map<String, HostGroup> byKey = new LinkedHashMap<>();
    hosts.forEach(h -> byKey.put(h.key(), h));

    TreeMap<String, BenchmarkResult> rowsByKey = new TreeMap<>(Comparator.naturalOrder());
    for (Accepted a : accepted) {
      for (BenchmarkResult r : a.results()) {
        rowsByKey.putIfAbsent(r.key(), r);
      }
    }
    List<BenchmarkResult> rowSpecs = new ArrayList<>(rowsByKey.values());
    rowSpecs.sort(Comparator.comparing(BenchmarkResult::workload)
        .thenComparing(BenchmarkResult::benchmark)
        .thenComparing(r -> paramsText(r.params()))
        .thenComparingInt(BenchmarkResult::threads));

    int b = opt.replicates();
    Map<String, Map<String, LogSum>> logs = new TreeMap<>();
    List<BenchmarkRow> rows = new ArrayList<>(rowSpecs.size());
    for (BenchmarkResult spec : rowSpecs) {
      rows.add(row(spec, hosts, baseline, byKey, logs, b));
    }
    List<WorkloadSummary> workloads = new ArrayList<>();
    Map<String, List<double[]>> overallReps = new TreeMap<>();
    Map<String, List<Double>> overallPoints = new TreeMap<>();
    for (var w : logs.entrySet()) {
      List<HostAggregate> aggs = new ArrayList<>();
      for (HostGroup h : hosts) {
        LogSum s = w.getValue().get(h.key());
        if (s == null || s.n == 0) {
          continue;
        }
        double[] geo = new double[b];
        for (int i = 0; i < b; i++) {
          geo[i] = s.reps[i] / s.n;
        }
        overallReps.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(geo);
        overallPoints.computeIfAbsent(h.key(), k -> new ArrayList<>()).add(s.point / s.n);
        aggs.add(aggregate(h, byKey.get(baseline), s.n, s.point / s.n, geo));
      }
      workloads.add(summary(w.getKey(), aggs, byKey));
    }
    List<HostAggregate> overallAggs = new ArrayList<>();
    for (HostGroup h : hosts) {
      List<double[]> per = overallReps.get(h.key());
      if (per == null) {
        continue;
      }
      double[] geo = new double[b];
      for (double[] g : per) {
        for (int i = 0; i < b; i++) {
          geo[i] += g[i] / per.size();
        }
      }
      double point = overallPoints.get(h.key()).stream().mapToDouble(Double::doubleValue).sum() / per.size();
      int n = (int) rows.stream().flatMap(r -> r.cells().stream())
          .filter(c -> c.host().equals(h.key()) && c.relative() != null).count();
      overallAggs.add(aggregate(h, byKey.get(baseline), n, point, geo));
    }
    WorkloadSummary overall = summary("overall", overallAggs, byKey);
    List<CapacityPlan> capacity = opt.targetLoads().stream().map(t -> capacity(t, rows, byKey)).toList();

    int recordCount = accepted.size();
    String title = opt.title() != null ? opt.title()
        : "archbench report: " + hosts.size() + (hosts.size() == 1 ? " host, " : " hosts, ")
            + recordCount + (recordCount == 1 ? " record" : " records");
    return new Analysis(title, method(b), opt.pricing().id(), prices.sources(), baseline, opt.allowNoisy(),
        hosts.stream().map(HostGroup::summary).toList(), rows, workloads, overall, capacity,
        List.copyOf(problems));
  }

  static Analysis.Method method(int b) {
    return new Analysis.Method(
        "95% percentile bootstrap interval",
        "mean over forks of each fork's mean iteration score (JMH's raw per-iteration data, not its summary)",
        b,
        "fixed: derived from host and benchmark names (reports are reproducible byte for byte)",
        "hierarchical bootstrap: resample forks with replacement, then iterations within each chosen "
            + "fork; ratios use independent replicates of both hosts; overlapping intervals are "
            + "reported as no significant difference",
        "geometric mean of ratios to the baseline per workload, then over workloads (each workload weighs the same)",
        "work per $ = work per second x 3600 / USD per hour; times per operation are inverted to "
            + "operations per second (threads / time)");
  }

  // ---- input validation and grouping ----

  private List<Accepted> validate(List<LoadedRecord> input) {
    Map<String, String> seen = new HashMap<>();
    List<Accepted> out = new ArrayList<>();
    for (LoadedRecord lr : input) {
      RunRecord rec = lr.record();
      String id = rec.run().id();
      String prev = seen.putIfAbsent(id, lr.file());
      if (prev != null) {
        problems.add(lr.file() + ": duplicate run id " + id + " (already read from " + prev + "); skipped");
        continue;
      }
      List<BenchmarkResult> ok = new ArrayList<>();
      for (BenchmarkResult r : rec.results() == null ? List.<BenchmarkResult>of() : rec.results()) {
        String bad = badNumbers(r);
        if (bad != null) {
          problems.add(lr.file() + ": result " + r.key() + ": " + bad + "; left out");
        } else {
          ok.add(r);
        }
      }
      out.add(new Accepted(lr.file(), rec, ok));
    }
    return out;
  }

  /** Why a result's numbers cannot be used, or null. */
  static String badNumbers(BenchmarkResult r) {
    if (!r.isOk()) {
      return null;
    }
    Double s = r.score();
    if (s == null) {
      return "status ok but no score";
    }
    if (s.isNaN() || s.isInfinite()) {
      return "score is not a finite number";
    }
    if (s < 0) {
      return "negative score " + s;
    }
    if (s == 0) {
      return "score is zero";
    }
    if (r.rawData() != null) {
      for (List<Double> fork : r.rawData()) {
        for (Double v : fork) {
          if (v == null || v.isNaN() || v.isInfinite() || v <= 0) {
            return "raw data contains a value that is not a positive finite number";
          }
        }
      }
    }
    return null;
  }

  static String hostKeyOf(RunRecord r) {
    Host.Cloud c = r.host().cloud();
    if (c != null && c.instanceType() != null && !c.instanceType().isBlank()) {
      return c.instanceType();
    }
    if (r.run().label() != null && !r.run().label().isBlank()) {
      return r.run().label();
    }
    return r.host().id() != null ? r.host().id() : "unknown host";
  }

  private List<HostGroup> group(List<Accepted> accepted) {
    TreeMap<String, List<Accepted>> groups = new TreeMap<>();
    for (Accepted a : accepted) {
      groups.computeIfAbsent(hostKeyOf(a.record()), k -> new ArrayList<>()).add(a);
    }
    List<HostGroup> out = new ArrayList<>();
    // Records in run-id order, so that the input order never changes a number.
    groups.values().forEach(recs -> recs.sort(Comparator.comparing(a -> a.record().run().id())));
    groups.forEach((key, recs) -> {
      Map<String, List<BenchmarkResult>> byKey = new HashMap<>();
      for (Accepted a : recs) {
        for (BenchmarkResult r : a.results()) {
          byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
      }
      out.add(new HostGroup(key, recs, summarize(key, recs), byKey));
    });
    return out;
  }

  private HostSummary summarize(String key, List<Accepted> recs) {
    RunRecord first = recs.get(0).record();
    Host h = first.host();
    Host.Cloud cloud = h.cloud() == null ? Host.Cloud.NONE : h.cloud();
    Set<String> noisy = new TreeSet<>();
    Set<String> profiles = new TreeSet<>();
    for (Accepted a : recs) {
      var run = a.record().run();
      profiles.add(run.profile());
      if ("smoke".equals(run.profile())) {
        noisy.add("smoke profile");
      } else if (!run.comparable()) {
        noisy.add("marked not comparable");
      }
      if (run.hasWarning(SHARED_CI_RUNNER)) {
        noisy.add("shared CI runner");
      }
    }
    boolean compared = noisy.isEmpty() || opt.allowNoisy();
    if (!noisy.isEmpty() && !opt.allowNoisy()) {
      problems.add(recs.get(0).file() + ": host " + key + " (" + String.join(", ", noisy)
          + ") is left out of price comparisons; pass --allow-noisy to include it, marked");
    }
    List<String> names = new ArrayList<>();
    for (Accepted a : recs) {
      names.add(a.record().run().label());
    }
    names.add(h.id());
    names.add(cloud.instanceType());
    names.add(key);
    names.removeIf(n -> n == null);
    HostPrice price = prices.resolve(names, cloud.instanceType(), cloud.region(), cloud.availabilityZone());
    if (!price.priced()) {
      problems.add(recs.get(0).file() + ": " + price.problem() + "; " + key
          + " is shown without price-performance");
    }
    String priceNote = price.note();
    if ("spot".equals(cloud.lifecycle()) && opt.pricing() != dev.archbench.reports.price.PricingModel.SPOT
        && price.priced()) {
      // Compare like with like: one pricing model for every host, but say that this one ran on spot.
      priceNote = (priceNote == null ? "" : priceNote + "; ") + "ran on a spot instance, priced " + opt.pricing()
          + " like the other hosts (use --pricing spot --spot-prices FILE for spot prices)";
    }
    Optional<CatalogEntry> specs = prices.specs(cloud.instanceType());
    Host.Cpu cpu = h.cpu();
    Integer vcpus = cpu != null && cpu.logicalCores() != null ? cpu.logicalCores()
        : specs.map(CatalogEntry::vcpu).orElse(null);
    Integer cores = cpu != null ? cpu.physicalCores() : null;
    String accel = h.accelerators() == null || h.accelerators().isEmpty() ? null
        : h.accelerators().stream()
            .map(x -> (x.count() == null ? "" : x.count() + "x ") + (x.name() == null ? x.kind() : x.name()))
            .collect(Collectors.joining(", "));
    String jvm = h.jvm() == null ? null : join(h.jvm().vendor(), h.jvm().version());
    String os = h.os() == null ? null : join(h.os().name(), h.os().version(), h.os().kernel());
    List<String> labels = recs.stream().map(a -> a.record().run().label()).filter(l -> l != null)
        .distinct().sorted().toList();
    return new HostSummary(key, labels.isEmpty() ? null : String.join(", ", labels),
        cloud.instanceType(), cloud.region(), cloud.lifecycle(), h.arch(),
        cpu == null ? null : cpu.vendor(), cpu == null ? null : cpu.model(),
        cpu == null ? null : cpu.microarchitecture(), vcpus, cores,
        h.memory() == null ? null : h.memory().totalBytes(), accel, jvm, os,
        recs.stream().map(a -> a.record().run().id()).toList(),
        recs.stream().map(a -> fileName(a.file())).toList(),
        List.copyOf(profiles), List.copyOf(noisy), compared,
        price.usdPerHour() == null ? null : r6(price.usdPerHour()),
        price.source(), priceNote, price.priced() ? null : price.problem());
  }

  private String baseline(List<HostGroup> hosts) {
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

  // ---- one benchmark across hosts ----

  private BenchmarkRow row(BenchmarkResult spec, List<HostGroup> hosts, String baseline,
      Map<String, HostGroup> byKey, Map<String, Map<String, LogSum>> logs, int b) {
    Optional<ScoreUnit> su = ScoreUnit.of(spec.unit());
    List<Work> works = hosts.parallelStream()
        .map(h -> cell(spec, su, h, b))
        .toList();
    Work base = works.stream().filter(w -> w != null && w.cell().host().equals(baseline)).findFirst().orElse(null);
    List<Cell> cells = new ArrayList<>();
    Map<String, LogSum> wl = logs.computeIfAbsent(spec.workload(), k -> new TreeMap<>());
    for (Work w : works) {
      if (w == null) {
        continue;
      }
      Cell c = w.cell();
      if (w.perf() != null && base != null && base.perf() != null) {
        double[] ratio = new double[b];
        for (int i = 0; i < b; i++) {
          ratio[i] = w.perf()[i] / base.perf()[i];
        }
        double point = w.perfPoint() / base.perfPoint();
        Estimate rel = Estimate.of(point, ratio);
        String verdict = c.host().equals(baseline) ? "baseline"
            : rel.excludes(1) ? (point > 1 ? "better" : "worse") : "no significant difference";
        LogSum s = wl.computeIfAbsent(c.host(), k -> new LogSum(b));
        for (int i = 0; i < b; i++) {
          s.reps[i] += StrictMath.log(ratio[i]);
        }
        s.point += StrictMath.log(point);
        s.n++;
        c = withRelative(c, r6(rel), verdict);
      }
      cells.add(c);
    }
    return new BenchmarkRow(spec.key(), spec.workload(), spec.benchmark(),
        spec.params() == null ? Map.of() : new TreeMap<>(spec.params()), spec.threads(), spec.unit(),
        spec.higherIsBetter(), su.map(ScoreUnit::work).orElse(null),
        su.map(ScoreUnit::perDollarUnit).orElse(null), su.map(ScoreUnit::costUnit).orElse(null),
        cells, winner(cells, c -> c.workPerDollar(), "most work per $"));
  }

  private static Cell withRelative(Cell c, Estimate rel, String verdict) {
    return new Cell(c.host(), c.status(), c.reason(), c.records(), c.forks(), c.iterations(), c.score(),
        rel, verdict, c.workPerSecond(), c.workPerDollar(), c.costPerMillion(), c.perVcpu(),
        c.perPhysicalCore(), c.knee(), c.kneeUnit(), c.kneeTargetMs(), c.costPerMillionAtKnee(),
        c.percentiles(), c.percentileUnit(), c.secondary(), c.notes());
  }

  private Work cell(BenchmarkResult spec, Optional<ScoreUnit> su, HostGroup h, int b) {
    List<BenchmarkResult> all = h.byKey().getOrDefault(spec.key(), List.of());
    if (all.isEmpty()) {
      return null;
    }
    List<BenchmarkResult> ok = all.stream().filter(BenchmarkResult::isOk).toList();
    if (ok.isEmpty()) {
      BenchmarkResult r = all.get(all.size() - 1);
      return new Work(new Cell(h.key(), r.status(), r.reason(), all.size(), 0, 0, null, null, null, null,
          null, null, null, null, null, null, null, null, null, null, null, List.of()), null, 0);
    }
    List<String> notes = new ArrayList<>();
    if (ok.size() < all.size()) {
      notes.add((all.size() - ok.size()) + " of " + all.size() + " runs did not succeed");
    }
    boolean unitMismatch = ok.stream().anyMatch(r -> !java.util.Objects.equals(r.unit(), spec.unit()));
    if (unitMismatch) {
      notes.add("unit differs between records (" + spec.unit() + " expected); left out");
      return new Work(new Cell(h.key(), "ok", null, all.size(), 0, 0, null, null, null, null, null, null,
          null, null, null, null, null, null, null, null, null, List.copyOf(notes)), null, 0);
    }
    List<double[]> forks = forksOf(ok, notes);
    int iterations = forks.stream().mapToInt(f -> f.length).sum();
    if (forks.size() == 1) {
      notes.add("one fork: the interval does not include fork-to-fork variation");
    }
    long seed = SplitMix64.seedOf(h.key() + "\n" + spec.key());
    double[] reps = HierarchicalBootstrap.replicates(forks, b, seed);
    double mean = HierarchicalBootstrap.mean(forks);
    Estimate score = Estimate.of(mean, reps);

    HostSummary hs = h.summary();
    double[] perf = new double[b];
    double perfPoint;
    Estimate workPerSecond = null;
    Estimate perDollar = null;
    Estimate cost = null;
    Estimate perVcpu = null;
    Estimate perCore = null;
    int threads = spec.threads();
    if (su.isPresent()) {
      ScoreUnit u = su.get();
      for (int i = 0; i < b; i++) {
        perf[i] = u.perSecond(reps[i], threads);
      }
      perfPoint = u.perSecond(mean, threads);
      workPerSecond = Estimate.of(perfPoint, perf);
      if (hs.priceCompared() && hs.usdPerHour() != null) {
        double usd = hs.usdPerHour();
        double scale = u.perDollarScale();
        perDollar = workPerSecond.map(x -> x * 3600 / usd * scale);
        cost = workPerSecond.map(x -> usd / (x * 3600) * 1e6);
      }
      if (hs.vcpus() != null && hs.vcpus() > 0) {
        int v = hs.vcpus();
        perVcpu = workPerSecond.map(x -> x / v);
      }
      if (hs.physicalCores() != null && hs.physicalCores() > 0) {
        int c = hs.physicalCores();
        perCore = workPerSecond.map(x -> x / c);
      }
    } else {
      boolean hib = spec.higherIsBetter();
      for (int i = 0; i < b; i++) {
        perf[i] = hib ? reps[i] : 1 / reps[i];
      }
      perfPoint = hib ? mean : 1 / mean;
      notes.add("unit " + spec.unit() + " is not a work rate: no price-performance");
    }

    // Knee: highest rate with p99 under the target, measured by the load test.
    Estimate knee = null;
    String kneeUnit = null;
    Double kneeTarget = null;
    Estimate kneeCost = null;
    for (String name : KNEE_METRICS) {
      List<BenchmarkResult.Metric> ms = ok.stream().map(r -> r.secondary() == null ? null : r.secondary().get(name))
          .filter(m -> m != null && m.score() != null && Double.isFinite(m.score()) && m.score() > 0).toList();
      if (ms.isEmpty()) {
        continue;
      }
      List<double[]> kf = new ArrayList<>();
      for (BenchmarkResult.Metric m : ms) {
        if (m.rawData() != null && m.rawData().stream().allMatch(f -> f.stream().allMatch(v -> v != null && v > 0))) {
          m.rawData().stream().filter(f -> !f.isEmpty())
              .forEach(f -> kf.add(f.stream().mapToDouble(Double::doubleValue).toArray()));
        } else {
          kf.add(new double[] {m.score()});
        }
      }
      double[] kr = HierarchicalBootstrap.replicates(kf, b, seed ^ 0x6b6e6565L);
      knee = Estimate.of(HierarchicalBootstrap.mean(kf), kr);
      kneeUnit = ms.get(0).unit();
      kneeTarget = kneeTarget(ok.get(0));
      Optional<ScoreUnit> ku = ScoreUnit.of(kneeUnit);
      if (ku.isPresent() && !ku.get().inverted() && hs.priceCompared() && hs.usdPerHour() != null) {
        double usd = hs.usdPerHour();
        double f = ku.get().factor();
        kneeCost = knee.map(x -> usd / (x * f * 3600) * 1e6);
      }
      break;
    }

    Map<String, Double> percentiles = mergedPercentiles(ok);
    String percentileUnit = percentiles == null ? null
        : Optional.ofNullable(ok.get(0).attributes()).map(a -> a.get("percentileUnit"))
            .orElse(spec.unit() != null && spec.unit().endsWith("/op") ? spec.unit() : "ms");
    Map<String, Double> secondary = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (BenchmarkResult r : ok) {
      if (r.secondary() != null) {
        r.secondary().forEach((k, m) -> {
          if (m.score() != null && Double.isFinite(m.score())) {
            secondary.merge(k, m.score(), Double::sum);
            counts.merge(k, 1, Integer::sum);
          }
        });
      }
    }
    secondary.replaceAll((k, v) -> r6(v / counts.get(k)));

    Cell c = new Cell(h.key(), "ok", null, all.size(), forks.size(), iterations, r6(score), null, null,
        r6(workPerSecond), r6(perDollar), r6(cost), r6(perVcpu), r6(perCore), r6(knee), kneeUnit,
        kneeTarget, r6(kneeCost), percentiles, percentileUnit, secondary.isEmpty() ? null : secondary,
        List.copyOf(notes));
    return new Work(c, perf, perfPoint);
  }

  private static List<double[]> forksOf(List<BenchmarkResult> ok, List<String> notes) {
    List<double[]> forks = new ArrayList<>();
    boolean summaryOnly = false;
    for (BenchmarkResult r : ok) {
      boolean any = false;
      if (r.rawData() != null) {
        for (List<Double> f : r.rawData()) {
          if (!f.isEmpty()) {
            forks.add(f.stream().mapToDouble(Double::doubleValue).toArray());
            any = true;
          }
        }
      }
      if (!any) {
        forks.add(new double[] {r.score()});
        summaryOnly = true;
      }
    }
    if (summaryOnly) {
      notes.add("no raw iteration data in some records: their summary score counts as one fork");
    }
    return forks;
  }

  private static Double kneeTarget(BenchmarkResult r) {
    for (String name : KNEE_TARGET_NAMES) {
      String v = r.attributes() == null ? null : r.attributes().get(name);
      if (v == null && r.params() != null) {
        v = r.params().get(name);
      }
      if (v == null && r.secondary() != null && r.secondary().get(name) != null
          && r.secondary().get(name).score() != null) {
        return r.secondary().get(name).score();
      }
      if (v != null) {
        try {
          return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Mean of each percentile over the records that have it, keys ordered numerically. */
  private static Map<String, Double> mergedPercentiles(List<BenchmarkResult> ok) {
    Map<String, double[]> acc = new TreeMap<>(Comparator.comparingDouble(Analyzer::percentileValue)
        .thenComparing(Comparator.naturalOrder()));
    for (BenchmarkResult r : ok) {
      if (r.percentiles() == null) {
        continue;
      }
      r.percentiles().forEach((k, v) -> {
        if (v != null && Double.isFinite(v) && !Double.isNaN(percentileValue(k))) {
          double[] s = acc.computeIfAbsent(k, x -> new double[2]);
          s[0] += v;
          s[1]++;
        }
      });
    }
    if (acc.isEmpty()) {
      return null;
    }
    Map<String, Double> out = new LinkedHashMap<>();
    acc.forEach((k, s) -> out.put(k, r6(s[0] / s[1])));
    return out;
  }

  static double percentileValue(String k) {
    try {
      return Double.parseDouble(k.startsWith("p") ? k.substring(1) : k);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  // ---- summaries ----

  private HostAggregate aggregate(HostGroup h, HostGroup base, int n, double pointLog, double[] logReps) {
    double[] reps = new double[logReps.length];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = StrictMath.exp(logReps[i]);
    }
    Estimate rel = Estimate.of(StrictMath.exp(pointLog), reps);
    Estimate pp = null;
    HostSummary s = h.summary();
    HostSummary bs = base == null ? null : base.summary();
    if (bs != null && s.priceCompared() && bs.priceCompared() && s.usdPerHour() != null && bs.usdPerHour() != null) {
      double k = bs.usdPerHour() / s.usdPerHour();
      pp = rel.map(x -> x * k);
    }
    return new HostAggregate(h.key(), n, r6(rel), r6(pp));
  }

  /** Noisy hosts left out of comparisons are shown but never named winners. */
  private static WorkloadSummary summary(String workload, List<HostAggregate> aggs, Map<String, HostGroup> hosts) {
    List<HostAggregate> compared = aggs.stream().filter(g -> hosts.get(g.host()).summary().priceCompared()).toList();
    return new WorkloadSummary(workload, aggs,
        winner(compared, HostAggregate::host, HostAggregate::relative, "fastest"),
        winner(aggs, HostAggregate::host, HostAggregate::relativePricePerformance, "most work per $"));
  }

  private static String winner(List<Cell> cells, java.util.function.Function<Cell, Estimate> f, String what) {
    return winner(cells, Cell::host, f, what);
  }

  /**
   * The host with the best value when its interval does not overlap any other; otherwise the hosts
   * that cannot be told apart from the best.
   */
  static <T> String winner(List<T> items, java.util.function.Function<T, String> name,
      java.util.function.Function<T, Estimate> f, String what) {
    List<T> with = items.stream().filter(x -> f.apply(x) != null).toList();
    if (with.size() < 2) {
      return null;
    }
    T best = with.stream().max(Comparator.comparingDouble((T x) -> f.apply(x).value())
        .thenComparing(x -> name.apply(x), Comparator.reverseOrder())).orElseThrow();
    Estimate be = f.apply(best);
    Set<String> tied = new LinkedHashSet<>();
    tied.add(name.apply(best));
    for (T x : with) {
      if (x != best && f.apply(x).overlaps(be)) {
        tied.add(name.apply(x));
      }
    }
    if (tied.size() == 1) {
      return name.apply(best) + ": " + what;
    }
    return "no significant difference between " + String.join(", ", tied);
  }

  // ---- capacity planning ----

  private CapacityPlan capacity(TargetLoad t, List<BenchmarkRow> rows, Map<String, HostGroup> byKey) {
    List<CapacityAnswer> answers = new ArrayList<>();
    for (HostGroup h : byKey.values()) {
      HostSummary hs = h.summary();
      Cell best = null;
      BenchmarkRow bestRow = null;
      Cell looser = null;
      boolean any = false;
      for (BenchmarkRow r : rows) {
        if (!r.workload().equals(t.workload()) || !selects(t.selector(), r)) {
          continue;
        }
        for (Cell c : r.cells()) {
          if (!c.host().equals(h.key()) || c.knee() == null) {
            continue;
          }
          any = true;
          if (c.kneeTargetMs() != null && c.kneeTargetMs() <= t.boundMs()) {
            if (best == null || c.knee().value() > best.knee().value()) {
              best = c;
              bestRow = r;
            }
          } else {
            looser = c;
          }
        }
      }
      if (best == null) {
        String note = !any ? "no knee measured for " + t.workload() + ":" + t.selector()
            : looser.kneeTargetMs() == null ? "the knee's latency target is not recorded"
            : "knee measured at p99<" + num(looser.kneeTargetMs()) + "ms, looser than the p99<" + num(t.boundMs()) + "ms asked";
        answers.add(new CapacityAnswer(h.key(), null, null, null, null, null, null, null, note));
        continue;
      }
      String note = t.percentile().equals("p99") ? null : "knees are measured at p99, not " + t.percentile();
      double perSecond = ScoreUnit.of(best.kneeUnit()).filter(u -> !u.inverted()).map(u -> u.factor()).orElse(1.0);
      int n = (int) Math.ceil(t.ratePerSecond() / (best.knee().value() * perSecond));
      int nc = (int) Math.ceil(t.ratePerSecond() / (best.knee().lower() * perSecond));
      Double monthly = null;
      Double monthlyC = null;
      if (hs.usdPerHour() != null && hs.priceCompared()) {
        monthly = r6(n * hs.usdPerHour() * HOURS_PER_MONTH);
        monthlyC = r6(nc * hs.usdPerHour() * HOURS_PER_MONTH);
      } else {
        note = (note == null ? "" : note + "; ") + "no price: " + (hs.unpriced() != null ? hs.unpriced() : "left out of price comparisons");
      }
      answers.add(new CapacityAnswer(h.key(), bestRow.key(), best.knee(), best.kneeTargetMs(), n, nc,
          monthly, monthlyC, note));
    }
    return new CapacityPlan(t.text(), t.workload(), t.selector(), t.ratePerSecond(), t.percentile(),
        t.boundMs(), answers);
  }

  static boolean selects(String selector, BenchmarkRow r) {
    String s = selector.toLowerCase(Locale.ROOT);
    String bare = s.startsWith("/") ? s.substring(1) : s;
    String bench = r.benchmark().toLowerCase(Locale.ROOT);
    if (bench.equals(s) || bench.equals(bare)) {
      return true;
    }
    for (String v : r.params().values()) {
      String lv = v.toLowerCase(Locale.ROOT);
      if (lv.equals(s) || lv.equals(bare) || lv.equals("/" + bare)) {
        return true;
      }
    }
    return !bare.isEmpty() && bench.contains(bare);
  }

  // ---- helpers ----

  static double r6(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new BigDecimal(v).round(SIX).doubleValue();
  }

  static Estimate r6(Estimate e) {
    if (e == null) {
      return null;
    }
    if (!Double.isFinite(e.value()) || !Double.isFinite(e.lower()) || !Double.isFinite(e.upper())) {
      return null;
    }
    return new Estimate(r6(e.value()), r6(e.lower()), r6(e.upper()));
  }

  static String paramsText(Map<String, String> params) {
    if (params == null || params.isEmpty()) {
      return "";
    }
    return new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String join(String... parts) {
    String s = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
        .collect(Collectors.joining(" "));
    return s.isEmpty() ? null : s;
  }

  static String fileName(String file) {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1);
  }
}
