package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.Comparison;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.Verdict;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.CellEstimation.Work;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.IntervalScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The fourth and fifth stages: each benchmark's cells relative to the baseline host (ratios of
 * independent replicates), then geometric means of those ratios per workload and overall. Keeps the
 * running log sums between benchmarks, so one instance serves one analysis.
 */
final class Comparisons {
  private final int b;
  private final String baseline;
  private final Map<String, HostGroup> hosts;
  /** workload -> host -> running sums of log ratios. */
  private final Map<String, Map<String, LogSum>> logs = new TreeMap<>();

  /** Running sums of log ratios per replicate, for geometric means. */
  private static final class LogSum {
    final double[] reps;
    double point;
    int n;

    LogSum(int b) {
      reps = new double[b];
    }
  }

  Comparisons(int replicates, String baseline, Map<String, HostGroup> hosts) {
    this.b = replicates;
    this.baseline = baseline;
    this.hosts = hosts;
  }

  /** One benchmark across hosts. */
  BenchmarkRow row(BenchmarkResult spec, List<Work> works) {
    Optional<ScoreUnit> su = ScoreUnit.of(spec.unit());
    Work base = works.stream().filter(w -> w != null && w.cell().host().equals(baseline)).findFirst().orElse(null);
    List<Cell> cells = new ArrayList<>();
    Map<String, LogSum> wl = logs.computeIfAbsent(spec.workload(), k -> new TreeMap<>());
    for (Work w : works) {
      if (w == null) {
        continue;
      }
      Cell c = w.cell();
      if (w.comparable() && base != null && base.comparable()) {
        double[] ratio = new double[b];
        boolean finite = true;
        for (int i = 0; i < b; i++) {
          ratio[i] = w.perf()[i] / base.perf()[i];
          finite &= Double.isFinite(ratio[i]) && ratio[i] > 0;
        }
        double point = w.perfPoint() / base.perfPoint();
        if (finite && Double.isFinite(point) && point > 0) {
          Estimate rel = Estimate.of(point, ratio);
          boolean untested = c.sample().scope() == IntervalScope.NONE
              || base.cell().sample().scope() == IntervalScope.NONE;
          Verdict verdict = c.host().equals(baseline) ? Verdict.BASELINE
              : untested ? Verdict.UNTESTED
              : rel.excludes(1) ? (point > 1 ? Verdict.BETTER : Verdict.WORSE) : Verdict.NO_SIGNIFICANT_DIFFERENCE;
          LogSum s = wl.computeIfAbsent(c.host(), k -> new LogSum(b));
          for (int i = 0; i < b; i++) {
            s.reps[i] += StrictMath.log(ratio[i]);
          }
          s.point += StrictMath.log(point);
          s.n++;
          c = withRelative(c, new Comparison(Rounding.r6(rel), verdict), null);
        } else {
          c = withRelative(c, null, "relative to the baseline not computed: the ratio overflows or is undefined");
        }
      }
      cells.add(c);
    }
    return new BenchmarkRow(spec.key(), spec.workload(), spec.benchmark(),
        spec.params() == null ? Map.of() : new TreeMap<>(spec.params()), spec.threads(), spec.unit(),
        spec.higherIsBetter(), su.map(ScoreUnit::work).orElse(null),
        su.map(ScoreUnit::perDollarUnit).orElse(null), su.map(ScoreUnit::costUnit).orElse(null),
        cells, winner(cells, Cell::host, c -> c.rates().workPerDollar(), "most work per $"));
  }

  private static Cell withRelative(Cell c, Comparison rel, String note) {
    List<String> notes = c.notes();
    if (note != null) {
      notes = new ArrayList<>(notes);
      notes.add(note);
      notes = List.copyOf(notes);
    }
    return new Cell(c.host(), c.status(), c.reason(), c.sample(), c.score(), rel, c.rates(), c.knee(),
        c.latency(), c.secondary(), notes);
  }

  /** Geometric means per workload, in workload order. */
  List<WorkloadSummary> workloads(List<HostGroup> order, Map<String, List<double[]>> overallReps,
      Map<String, List<Double>> overallPoints) {
    List<WorkloadSummary> out = new ArrayList<>();
    for (var w : logs.entrySet()) {
      List<HostAggregate> aggs = new ArrayList<>();
      for (HostGroup h : order) {
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
        aggs.add(aggregate(h, s.n, s.point / s.n, geo));
      }
      out.add(summary(w.getKey(), aggs));
    }
    return out;
  }

  /** The overall summary: each workload weighs the same. */
  WorkloadSummary overall(List<HostGroup> order, List<BenchmarkRow> rows, Map<String, List<double[]>> overallReps,
      Map<String, List<Double>> overallPoints) {
    List<HostAggregate> aggs = new ArrayList<>();
    for (HostGroup h : order) {
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
      aggs.add(aggregate(h, n, point, geo));
    }
    return summary("overall", aggs);
  }

  private HostAggregate aggregate(HostGroup h, int n, double pointLog, double[] logReps) {
    double[] reps = new double[logReps.length];
    for (int i = 0; i < reps.length; i++) {
      reps[i] = StrictMath.exp(logReps[i]);
    }
    Estimate rel = Estimate.of(StrictMath.exp(pointLog), reps);
    Estimate pp = null;
    HostSummary s = h.summary();
    HostGroup base = hosts.get(baseline);
    HostSummary bs = base == null ? null : base.summary();
    if (bs != null && s.priceCompared() && bs.priceCompared() && s.usdPerHour() != null && bs.usdPerHour() != null) {
      double k = bs.usdPerHour() / s.usdPerHour();
      pp = rel.map(x -> x * k);
    }
    return new HostAggregate(h.key(), n, Rounding.r6(rel), Rounding.r6(pp));
  }

  /** Noisy hosts left out of comparisons are shown but never named winners. */
  private WorkloadSummary summary(String workload, List<HostAggregate> aggs) {
    List<HostAggregate> compared = aggs.stream().filter(g -> hosts.get(g.host()).summary().priceCompared()).toList();
    return new WorkloadSummary(workload, aggs,
        winner(compared, HostAggregate::host, HostAggregate::relative, "fastest"),
        winner(aggs, HostAggregate::host, HostAggregate::relativePricePerformance, "most work per $"));
  }

  /**
   * The host with the best value when its interval does not overlap any other; otherwise the hosts
   * that cannot be told apart from the best.
   */
  static <T> String winner(List<T> items, Function<T, String> name, Function<T, Estimate> f, String what) {
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
}
