package dev.archbench.harness.runner;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Interval;
import dev.archbench.record.BenchmarkResult.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH's {@link RunResult} into a record result: JMH's own score, error and 99.9% confidence
 * interval, percentiles in sample mode, every iteration's score per fork, and secondary results
 * (with per-iteration data when JMH has it). Values JMH cannot compute (NaN) become {@code null}.
 */
public final class JmhResults {
  /** The percentiles JMH prints for sample mode. */
  static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 100.0};

  private JmhResults() {}

  public static BenchmarkResult convert(PlanItem item, RunResult run, Notes notes, String startedAt,
      String endedAt) {
    BenchmarkParams p = run.getParams();
    Result<?> primary = run.getPrimaryResult();
    Map<String, String> params = new TreeMap<>(item.params());
    for (String k : p.getParamsKeys()) {
      params.put(k, p.getParam(k));
    }
    double[] ci = primary.getScoreConfidence();
    Interval confidence = finite(ci[0]) != null && finite(ci[1]) != null ? new Interval(ci[0], ci[1]) : null;
    Map<String, Double> percentiles = null;
    if (p.getMode() == Mode.SampleTime) {
      percentiles = new LinkedHashMap<>();
      for (double pct : PERCENTILES) {
        Double v = finite(primary.getStatistics().getPercentile(pct));
        if (v != null) {
          percentiles.put(percentileKey(pct), v);
        }
      }
    }
    List<List<Double>> raw = new ArrayList<>();
    for (var fork : run.getBenchmarkResults()) {
      List<Double> iterations = new ArrayList<>();
      for (IterationResult it : fork.getIterationResults()) {
        Double v = finite(it.getPrimaryResult().getScore());
        if (v != null) {
          iterations.add(v);
        }
      }
      raw.add(iterations);
    }
    Map<String, Metric> secondary = new TreeMap<>();
    run.getSecondaryResults().forEach((name, r) -> secondary.put(name, secondary(name, r, run)));
    notes.metrics().forEach(secondary::putIfAbsent);

    Double score = finite(primary.getScore());
    boolean ok = score != null && score >= 0;
    return new BenchmarkResult(item.key(), item.workload(), item.spec().name(), params,
        p.getMode().shortLabel(), p.getThreads(), run.getBenchmarkResults().size(),
        unitOf(item, primary.getScoreUnit()), p.getMode() == Mode.Throughput, score,
        nonNegative(finite(primary.getScoreError())), confidence, percentiles, raw, secondary,
        new TreeMap<>(notes.attributes()), startedAt, endedAt,
        ok ? BenchmarkResult.OK : BenchmarkResult.FAILED,
        ok ? null : "JMH produced no score");
  }

  private static Metric secondary(String name, Result<?> r, RunResult run) {
    List<List<Double>> raw = new ArrayList<>();
    for (var fork : run.getBenchmarkResults()) {
      List<Double> iterations = new ArrayList<>();
      for (IterationResult it : fork.getIterationResults()) {
        Result<?> s = it.getSecondaryResults().get(name);
        if (s != null && finite(s.getScore()) != null) {
          iterations.add(s.getScore());
        }
      }
      if (!iterations.isEmpty()) {
        raw.add(iterations);
      }
    }
    return new Metric(r.getScoreUnit(), higherIsBetter(r.getScoreUnit()), finite(r.getScore()),
        nonNegative(finite(r.getScoreError())), raw.isEmpty() ? null : raw);
  }

  /** Time per operation is better lower; rates and counts are better higher. */
  /**
   * The spec's unit names what the number means (JMH counts bytes as "ops" with
   * {@code @OperationsPerInvocation}: compression's {@code ops/us} are MB/s); JMH's label is the
   * fallback.
   */
  static String unitOf(PlanItem item, String jmhUnit) {
    String declared = item.spec().unit();
    return declared == null || declared.isBlank() ? jmhUnit : declared;
  }

  static boolean higherIsBetter(String unit) {
    return unit == null || !unit.matches("(?i)(ns|us|µs|ms|s|min)/op");
  }

  static String percentileKey(double p) {
    String s = String.format(Locale.ROOT, "%.4f", p).replaceAll("0+$", "");
    return s.endsWith(".") ? s + "0" : s;
  }

  static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }

  private static Double nonNegative(Double d) {
    return d == null || d < 0 ? null : d;
  }
}
