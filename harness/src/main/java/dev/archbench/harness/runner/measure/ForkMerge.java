package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.execute.JmhResults;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.CpuSplit;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Knee;
import dev.archbench.record.Latency;
import dev.archbench.record.Lists;
import dev.archbench.record.Precision;
import dev.archbench.record.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * A benchmark measured fork by fork: each fork's executor result is added to what the earlier forks
 * measured, so the record holds one result per benchmark with every fork's raw data, as if one JMH
 * run had made all the forks. Each fork is classified first ({@link #classify}): only the steady
 * iterations of steady forks enter {@code rawData} and the score; every fork stays whole in
 * {@code forkRuns}.
 */
public final class ForkMerge {
  private ForkMerge() {}

  /** Secondary results of JMH's compiler profiler ({@code -prof comp}): per iteration, and since JVM start. */
  public static final String JIT_PER_ITERATION = "compiler.time.profiled";
  public static final String JIT_TOTAL = "compiler.time.total";

  /**
   * The executor's one-fork result, classified ({@link SteadyState}): its whole series and JIT times
   * kept as a {@link ForkRun}, its steady iterations (none when it never became steady) as its raw
   * data and score. The compiler profiler's secondary results move into the fork run.
   *
   * @param iterationSeconds the length of one iteration (the profile's, or {@code --jmh -r})
   */
  public static BenchmarkResult classify(BenchmarkResult fork, double iterationSeconds) {
    if (!fork.isOk() || fork.forkRuns() != null || fork.rawData() == null || fork.rawData().size() != 1) {
      return fork; // failed, or classified by its executor already
    }
    Map<String, Metric> secondary = new TreeMap<>(fork.secondary() == null ? Map.of() : fork.secondary());
    List<Double> jit = null;
    for (String name : List.copyOf(secondary.keySet())) {
      if (name.endsWith(JIT_PER_ITERATION)) {
        Metric m = secondary.get(name);
        jit = m.rawData() != null && m.rawData().size() == 1 ? m.rawData().get(0) : null;
      }
      if (JmhResults.isJit(name)) {
        secondary.remove(name);
      }
    }
    return classify(fork, fork.rawData().get(0), jit, iterationSeconds, secondary.isEmpty() ? null : secondary);
  }

  /**
   * One fork's whole {@code series} (warm-up included) classified: the result keeps its steady part
   * as raw data and score, or is {@code unsteady} with none.
   *
   * @param jit per iteration, ms the JIT spent compiling, or null when not measured
   */
  public static BenchmarkResult classify(BenchmarkResult fork, List<Double> series, List<Double> jit,
      double iterationSeconds, Map<String, Metric> secondary) {
    if (jit != null && jit.size() != series.size()) {
      jit = null; // not one value per iteration: cannot be lined up with the scores
    }
    ForkRun run = SteadyState.classify(series, jit, iterationSeconds, fork.higherIsBetter());
    List<List<Double>> steady = run.isSteady() ? List.of(run.steadyIterations()) : List.of();
    Double score = steady.isEmpty() ? null : BenchmarkResult.meanOfForkMeans(steady);
    return fork.toBuilder().score(score).rawData(steady).secondary(secondary)
        .status(steady.isEmpty() ? Status.UNSTEADY : Status.OK).reason(null).precision(null).forkRuns(List.of(run))
        .build();
  }

  /**
   * {@code soFar} (null for the first fork) with {@code next}'s fork added: each part merged by its
   * own rule ({@link Latency#merge}, {@link Knee#merge}, {@link CpuSplit#weightedWith},
   * {@link Metric#mergeByName}, {@link Precision#ofForks}).
   */
  public static BenchmarkResult append(BenchmarkResult soFar, BenchmarkResult next) {
    if (soFar == null || Status.FAILED.equals(next.status())) {
      return next; // a failed fork fails the benchmark, with its reason
    }
    List<List<Double>> raw = Lists.concat(soFar.rawData(), next.rawData());
    Map<String, String> attributes = new TreeMap<>(next.attributes() == null ? Map.of() : next.attributes());
    if (soFar.attributes() != null) {
      attributes.putAll(soFar.attributes()); // the first fork's value wins
    }
    return soFar.toBuilder()
        .forks(soFar.forks() + next.forks())
        .score(raw.isEmpty() ? null : BenchmarkResult.meanOfForkMeans(raw))
        .rawData(raw)
        .latency(either(soFar.latency(), next.latency(), Latency::merge))
        .knee(either(soFar.knee(), next.knee(), Knee::merge))
        .cpu(either(soFar.cpu(), next.cpu(), (a, b) -> a.weightedWith(soFar.forks(), b, next.forks())))
        .subject(soFar.subject() != null ? soFar.subject() : next.subject())
        .secondary(Metric.mergeByName(soFar.secondary(), next.secondary()))
        .attributes(attributes)
        .endedAt(next.endedAt())
        .status(raw.isEmpty() ? Status.UNSTEADY : Status.OK)
        .reason(null)
        .precision(Precision.ofForks(soFar.precision(), next.precision()))
        .forkRuns(soFar.forkRuns() == null && next.forkRuns() == null ? null
            : Lists.concat(soFar.forkRuns(), next.forkRuns()))
        .build();
  }

  /** Both merged, or whichever is there (null when neither is). */
  private static <T> T either(T a, T b, BinaryOperator<T> merge) {
    return a == null || b == null ? (a != null ? a : b) : merge.apply(a, b);
  }
}
