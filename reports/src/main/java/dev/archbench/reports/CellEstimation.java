package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision;
import dev.archbench.record.Knee;
import dev.archbench.record.Latency;
import dev.archbench.record.Percentile;
import dev.archbench.record.Status;
import dev.archbench.record.Subject;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.KneeCell;
import dev.archbench.reports.Analysis.LatencyCell;
import dev.archbench.reports.Analysis.Rates;
import dev.archbench.reports.Analysis.Sample;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.IntervalScope;
import dev.archbench.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The third stage: one benchmark on one host, from its results in every record of the host. The
 * score's interval resamples records, then forks, then iterations ({@link ScoreInterval}); the
 * knee's the same way; latency percentiles come from the merged histograms of every fork of every
 * record. A figure that overflows or is undefined is left out with a note, never a crash.
 */
final class CellEstimation {
  private CellEstimation() {}

  /** A cell and, when it has a work rate, its performance replicates for ratios. */
  record Work(Cell cell, double[] perf, double perfPoint) {
    boolean comparable() {
      return perf != null;
    }
  }

  static Work estimate(BenchmarkResult spec, Optional<ScoreUnit> su, HostGroup h, int b, DecodedLatency decoded) {
    List<BenchmarkResult> all = h.byKey().getOrDefault(spec.key(), List.of());
    if (all.isEmpty()) {
      return null;
    }
    List<BenchmarkResult> ok = all.stream().filter(BenchmarkResult::isOk).toList();
    if (ok.isEmpty()) {
      BenchmarkResult r = all.get(all.size() - 1);
      return new Work(new Cell(h.key(), r.status(), r.reason(), new Sample(all.size(), 0, 0, IntervalScope.NONE, null),
          null, null, Rates.NONE, null, null, null, List.of()), null, 0);
    }
    List<String> notes = new ArrayList<>();
    if (ok.size() < all.size()) {
      notes.add((all.size() - ok.size()) + " of " + all.size() + " runs did not succeed");
    }
    if (ok.stream().anyMatch(r -> !Objects.equals(r.unit(), spec.unit()))) {
      notes.add("unit differs between records (" + spec.unit() + " expected); left out");
      return new Work(new Cell(h.key(), Status.OK, null, new Sample(all.size(), 0, 0, IntervalScope.NONE, null), null,
          null, Rates.NONE, null, null, null, List.copyOf(notes)), null, 0);
    }
    subjectNote(ok).ifPresent(notes::add);
    List<List<double[]>> levels = ScoreInterval.levels(ok);
    if (ok.stream().anyMatch(r -> r.rawData() == null || r.rawData().stream().allMatch(List::isEmpty))) {
      notes.add("no raw iteration data in some records: their summary score counts as one fork");
    }
    long seed = ScoreInterval.seed(h.key(), spec.key());
    ScoreInterval si = ScoreInterval.of(levels, b, seed);
    int forks = levels.stream().mapToInt(List::size).sum();
    int iterations = levels.stream().flatMap(List::stream).mapToInt(f -> f.length).sum();
    Sample sample = new Sample(all.size(), forks, iterations, si.scope(), recordSpread(ok), precision(ok, si));
    if (si.scope().caveat() != null) {
      notes.add(si.scope().caveat());
    }
    KneeCell knee = KneeEstimation.estimate(ok, h.summary(), b, seed, notes);
    LatencyCell latency = latency(ok, decoded, notes);
    Map<String, Double> secondary = secondary(ok);
    if (!si.finite()) {
      notes.add("score not computed: its values overflow double-precision arithmetic");
      return new Work(new Cell(h.key(), Status.OK, null, sample, null, null, Rates.NONE, knee, latency,
          secondary, List.copyOf(notes)), null, 0);
    }
    boolean upperBound = knee != null && knee.found() == Knee.Found.UPPER_BOUND;
    if (upperBound) {
      notes.add("no rate tried met the latency bound: the score is an upper bound, left out of comparisons");
    }

    double[] reps = si.replicates();
    double mean = si.estimate().value();
    double[] perf = new double[b];
    double perfPoint;
    Rates rates = Rates.NONE;
    if (su.isPresent()) {
      ScoreUnit u = su.get();
      for (int i = 0; i < b; i++) {
        perf[i] = u.perSecond(reps[i], spec.threads());
      }
      perfPoint = u.perSecond(mean, spec.threads());
      rates = rates(Estimate.of(perfPoint, perf), u, h.summary(), notes);
    } else {
      boolean hib = spec.higherIsBetter();
      for (int i = 0; i < b; i++) {
        perf[i] = hib ? reps[i] : 1 / reps[i];
      }
      perfPoint = hib ? mean : 1 / mean;
      notes.add("unit " + spec.unit() + " is not a work rate: no price-performance");
    }
    boolean comparable = !upperBound && Double.isFinite(perfPoint) && perfPoint > 0;
    Cell c = new Cell(h.key(), Status.OK, null, sample, Rounding.r6(si.estimate()), null, rates, knee, latency,
        secondary, List.copyOf(notes));
    return new Work(c, comparable ? perf : null, perfPoint);
  }

  /** Work per second and everything derived from it; an overflowing figure becomes null with a note. */
  private static Rates rates(Estimate workPerSecond, ScoreUnit u, HostSummary hs, List<String> notes) {
    Estimate perDollar = null;
    Estimate cost = null;
    if (hs.priceCompared() && hs.usdPerHour() != null) {
      double usd = hs.usdPerHour();
      double scale = u.perDollarScale();
      perDollar = workPerSecond.map(x -> x * 3600 / usd * scale);
      cost = workPerSecond.map(x -> usd / (x * 3600) * 1e6);
    }
    Estimate perVcpu = hs.vcpus() != null && hs.vcpus() > 0 ? workPerSecond.map(x -> x / hs.vcpus()) : null;
    Estimate perCore = hs.physicalCores() != null && hs.physicalCores() > 0
        ? workPerSecond.map(x -> x / hs.physicalCores()) : null;
    return new Rates(finite(workPerSecond, "work per second", notes), finite(perDollar, "work per $", notes),
        finite(cost, "cost per million", notes), finite(perVcpu, "per vCPU", notes),
        finite(perCore, "per physical core", notes));
  }

  /** The estimate rounded, or null with a note when a figure is not a positive finite number. */
  static Estimate finite(Estimate e, String what, List<String> notes) {
    if (e == null) {
      return null;
    }
    Estimate r = Rounding.r6(e);
    if (r == null || !(r.value() > 0) || !(r.lower() > 0)) {
      notes.add(what + " not computed: the value overflows or is undefined");
      return null;
    }
    return r;
  }

  /** The records' precision targets and stop reasons beside this cell's own half-width; null without any. */
  private static Analysis.PrecisionCell precision(List<BenchmarkResult> ok, ScoreInterval si) {
    List<Precision> ps = ok.stream().map(BenchmarkResult::precision).filter(Objects::nonNull).toList();
    if (ps.isEmpty()) {
      return null;
    }
    Double target = ps.stream().map(Precision::target).filter(Objects::nonNull).max(Double::compare).orElse(null);
    List<String> reasons = ps.stream().map(Precision::stopReason).filter(Objects::nonNull)
        .map(Precision.StopReason::id).distinct().toList();
    int missed = (int) ps.stream().filter(Precision::missedTarget).count();
    double hw = si.relativeHalfWidth();
    int unsteady = ok.stream().filter(r -> r.forkRuns() != null)
        .mapToInt(r -> r.forkRuns().size() - r.steadyForks()).sum();
    return new Analysis.PrecisionCell(target, Double.isFinite(hw) ? Rounding.r6(hw) : null, reasons, missed,
        unsteady);
  }

  /**
   * The lowest and highest per-record score, when several records succeeded: what a reader of a
   * fleet of one instance type wants to see beside an interval that includes the instance level.
   */
  private static Analysis.Spread recordSpread(List<BenchmarkResult> ok) {
    if (ok.size() < 2) {
      return null;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (BenchmarkResult r : ok) {
      if (r.score() == null || !Double.isFinite(r.score())) {
        return null;
      }
      min = Math.min(min, r.score());
      max = Math.max(max, r.score());
    }
    return new Analysis.Spread(Rounding.r6(min), Rounding.r6(max));
  }

  /**
   * Percentiles of every fork's histogram of every record, merged; never a mean of percentiles.
   * Version-1 records kept only a summary: one is shown as it is, several cannot be merged.
   */
  private static LatencyCell latency(List<BenchmarkResult> ok, DecodedLatency decoded, List<String> notes) {
    List<Latency> ls = ok.stream().map(BenchmarkResult::latency).filter(Objects::nonNull).toList();
    if (ls.isEmpty()) {
      return null;
    }
    if (ls.stream().allMatch(l -> !l.histograms().isEmpty())) {
      Histogram all = Latency.newHistogram();
      int n = 0;
      for (BenchmarkResult r : ok) {
        if (r.latency() != null) {
          all.add(decoded.of(r));
          n += r.latency().histograms().size();
        }
      }
      if (all.getTotalCount() == 0) {
        return null;
      }
      Map<Percentile, Double> p = new TreeMap<>();
      Latency.summaryOf(all).forEach((k, v) -> p.put(k, Rounding.r6(v)));
      return new LatencyCell(p, n, "merged histograms of " + n + (n == 1 ? " fork" : " forks") + " in "
          + ls.size() + (ls.size() == 1 ? " record" : " records"));
    }
    if (ls.size() == 1) {
      Map<Percentile, Double> p = new TreeMap<>();
      ls.get(0).percentilesMs().forEach((k, v) -> p.put(k, Rounding.r6(v)));
      return p.isEmpty() ? null : new LatencyCell(p, 0, "the record's summary (version 1: no histograms)");
    }
    notes.add("latency percentiles not computed: version-1 records keep summaries, which cannot be merged");
    return null;
  }

  /** Secondary metrics: mean over the records that have them. */
  private static Map<String, Double> secondary(List<BenchmarkResult> ok) {
    Map<String, Double> sums = new TreeMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (BenchmarkResult r : ok) {
      if (r.secondary() != null) {
        r.secondary().forEach((k, m) -> {
          if (m.score() != null && Double.isFinite(m.score())) {
            sums.merge(k, m.score(), Double::sum);
            counts.merge(k, 1, Integer::sum);
          }
        });
      }
    }
    Map<String, Double> out = new TreeMap<>();
    sums.forEach((k, v) -> {
      double mean = v / counts.get(k);
      if (Double.isFinite(mean)) {
        out.put(k, Rounding.r6(mean));
      }
    });
    return out.isEmpty() ? null : out;
  }

  /** Records of one host that worked on different models or corpora are not one measurement. */
  private static Optional<String> subjectNote(List<BenchmarkResult> ok) {
    List<String> shas = ok.stream().map(BenchmarkResult::subject).filter(Objects::nonNull)
        .map(Subject::sha256).filter(Objects::nonNull).distinct().toList();
    return shas.size() > 1 ? Optional.of("records worked on " + shas.size() + " different "
        + ok.stream().map(BenchmarkResult::subject).filter(Objects::nonNull).findFirst().get().kind().id()
        + " files (SHA-256 differ)") : Optional.empty();
  }
}
