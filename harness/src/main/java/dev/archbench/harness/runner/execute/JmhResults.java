package dev.archbench.harness.runner.execute;

import dev.archbench.harness.runner.measure.ForkMerge;
import dev.archbench.harness.runner.measure.SteadyState;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Latency;
import dev.archbench.record.Status;
import dev.archbench.record.TimeUnits;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Turns JMH's {@link RunResult} into a record result: every fork classified over all its iterations
 * ({@link SteadyState}, with the JIT's time per iteration from JMH's compiler profiler), the steady
 * iterations of steady forks as raw data, in sample mode their samples as a latency histogram, and secondary results (with per-iteration data
 * when JMH has it). JMH's own error and 99.9% interval are not kept: intervals are computed from the
 * raw data, one way, everywhere ({@code dev.archbench.stats.ScoreInterval}). Values JMH cannot
 * compute (NaN) become {@code null}.
 */
public final class JmhResults {

  private JmhResults() {}

  public static BenchmarkResult convert(PlanItem item, RunResult run, Notes notes, String startedAt,
      String endedAt) {
    BenchmarkParams p = run.getParams();
    Result<?> primary = run.getPrimaryResult();
    boolean higherIsBetter = p.getMode() == Mode.Throughput;
    double iterationSeconds = p.getMeasurement().getTime().convertTo(TimeUnit.MILLISECONDS) / 1000.0;
    List<List<Double>> raw = new ArrayList<>();
    List<ForkRun> runs = new ArrayList<>();
    List<Histogram> samples = new ArrayList<>();
    double nanosPerUnit = nanosPer(primary.getScoreUnit());
    for (var fork : run.getBenchmarkResults()) {
      List<Double> iterations = new ArrayList<>();
      List<Double> jit = new ArrayList<>();
      List<Histogram> perIteration = new ArrayList<>();
      for (IterationResult it : fork.getIterationResults()) {
        Double v = finite(it.getPrimaryResult().getScore());
        if (v == null) {
          continue;
        }
        iterations.add(v);
        Result<?> compiling = jitResult(it);
        jit.add(compiling == null ? null : compiling.getScore());
        if (p.getMode() == Mode.SampleTime) {
          Histogram h = Latency.newHistogram();
          addSamples(h, it.getPrimaryResult().getStatistics().getRawData(), nanosPerUnit);
          perIteration.add(h);
        }
      }
      ForkRun forkRun = SteadyState.classify(iterations, jit.contains(null) ? null : jit, iterationSeconds,
          higherIsBetter);
      runs.add(forkRun);
      if (forkRun.isSteady()) {
        raw.add(forkRun.steadyIterations());
        if (p.getMode() == Mode.SampleTime) {
          samples.add(SteadyState.steadyPart(perIteration, forkRun));
        }
      }
    }
    Latency latency = p.getMode() == Mode.SampleTime && nanosPerUnit > 0 && !samples.isEmpty()
        ? Latency.ofForks(samples) : null;
    Map<String, Metric> secondary = new TreeMap<>();
    run.getSecondaryResults().forEach((name, r) -> {
      if (!isJit(name)) {
        secondary.put(name, secondary(name, r, run));
      }
    });
    notes.metrics().forEach(secondary::putIfAbsent);

    Double score = raw.isEmpty() ? null : BenchmarkResult.meanOfForkMeans(raw);
    boolean ran = finite(primary.getScore()) != null && primary.getScore() >= 0;
    Status status = !ran ? Status.FAILED : raw.isEmpty() ? Status.UNSTEADY : Status.OK;
    return BenchmarkResult.builder(item.key(), item.workload(), item.spec().name())
        .params(new TreeMap<>(item.params())).mode(p.getMode().shortLabel()).threads(p.getThreads())
        .forks(run.getBenchmarkResults().size()).unit(unitOf(item, primary.getScoreUnit()))
        .higherIsBetter(higherIsBetter).score(score).rawData(raw).latency(latency).subject(notes.subject())
        .secondary(secondary).attributes(new TreeMap<>(notes.attributes())).startedAt(startedAt).endedAt(endedAt)
        .status(status).reason(ran ? null : "JMH produced no score").forkRuns(runs)
        .build();
  }

  /** The compiler profiler's time for one iteration ({@code -prof comp}), or null when it did not run. */
  private static Result<?> jitResult(IterationResult it) {
    for (var e : it.getSecondaryResults().entrySet()) {
      if (e.getKey().endsWith(ForkMerge.JIT_PER_ITERATION)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The compiler profiler's results: they are the fork run's JIT times, not metrics for people. */
  public static boolean isJit(String secondaryName) {
    return secondaryName.endsWith(ForkMerge.JIT_PER_ITERATION) || secondaryName.endsWith(ForkMerge.JIT_TOTAL);
  }

  /** JMH's sample buffer is (value, count) pairs in the score's time unit; histograms count in ns. */
  private static void addSamples(Histogram h, Iterator<Map.Entry<Double, Long>> raw, double nanosPerUnit) {
    while (raw.hasNext()) {
      Map.Entry<Double, Long> e = raw.next();
      long ns = Math.max(1, Math.round(e.getKey() * nanosPerUnit));
      h.recordValueWithCount(Math.min(ns, h.getHighestTrackableValue()), e.getValue());
    }
  }

  /** Nanoseconds per unit of a JMH time-per-operation label ({@code ms/op} is 1e6); 0 when not a time. */
  public static double nanosPer(String unit) {
    return TimeUnits.secondsPerOperation(unit).orElse(0) * 1e9;
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
        raw.isEmpty() ? null : raw);
  }

  /**
   * The spec's unit names what the number means (JMH counts bytes as "ops" with
   * {@code @OperationsPerInvocation}: compression's {@code ops/us} are MB/s); JMH's label is the
   * fallback.
   */
  static String unitOf(PlanItem item, String jmhUnit) {
    String declared = item.spec().unit();
    return declared == null || declared.isBlank() ? jmhUnit : declared;
  }

  /** Time per operation is better lower; rates and counts are better higher. */
  public static boolean higherIsBetter(String unit) {
    return TimeUnits.secondsPerOperation(unit).isEmpty();
  }

  static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
