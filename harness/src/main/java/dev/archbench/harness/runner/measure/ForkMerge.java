package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.execute.JmhResults;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.CpuSplit;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Knee;
import dev.archbench.record.Latency;
import dev.archbench.record.Precision;
import dev.archbench.record.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

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
    return new BenchmarkResult(fork.key(), fork.workload(), fork.benchmark(), fork.params(), fork.mode(),
        fork.threads(), fork.forks(), fork.unit(), fork.higherIsBetter(), score, steady, fork.latency(), fork.knee(),
        fork.cpu(), fork.subject(), secondary, fork.attributes(), fork.startedAt(),
        fork.endedAt(), steady.isEmpty() ? Status.UNSTEADY : Status.OK, null, null, List.of(run));
  }

  /** {@code soFar} (null for the first fork) with {@code next}'s fork added. */
  public static BenchmarkResult append(BenchmarkResult soFar, BenchmarkResult next) {
    if (soFar == null || Status.FAILED.equals(next.status())) {
      return next; // a failed fork fails the benchmark, with its reason
    }
    List<List<Double>> raw = concat(soFar.rawData(), next.rawData());
    Double score = raw.isEmpty() ? null : BenchmarkResult.meanOfForkMeans(raw);
    List<ForkRun> runs = soFar.forkRuns() == null && next.forkRuns() == null ? null
        : concat(soFar.forkRuns(), next.forkRuns());
    Map<String, String> attributes = new TreeMap<>(next.attributes() == null ? Map.of() : next.attributes());
    if (soFar.attributes() != null) {
      attributes.putAll(soFar.attributes());
    }
    Precision a = soFar.precision();
    Precision b = next.precision();
    Precision p = new Precision(a == null ? null : a.target(), a == null ? null : a.halfWidth(), null,
        concat(a == null ? null : a.warmup(), b == null ? null : b.warmup()),
        concat(a == null ? null : a.warmupData(), b == null ? null : b.warmupData()), a == null ? null : a.seconds());
    return new BenchmarkResult(soFar.key(), soFar.workload(), soFar.benchmark(), soFar.params(), soFar.mode(),
        soFar.threads(), soFar.forks() + next.forks(), soFar.unit(), soFar.higherIsBetter(), score, raw,
        latency(soFar.latency(), next.latency()), knee(soFar.knee(), next.knee()),
        cpu(soFar.cpu(), soFar.forks(), next.cpu(), next.forks()),
        soFar.subject() != null ? soFar.subject() : next.subject(),
        secondary(soFar.secondary(), next.secondary()), attributes, soFar.startedAt(), next.endedAt(),
        raw.isEmpty() ? Status.UNSTEADY : Status.OK, null, p, runs);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>();
    if (a != null) {
      out.addAll(a);
    }
    if (b != null) {
      out.addAll(b);
    }
    return out;
  }

  private static Latency latency(Latency a, Latency b) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    List<Histogram> forks = new ArrayList<>(a.decodedForks());
    forks.addAll(b.decodedForks());
    return Latency.ofForks(forks);
  }

  /**
   * Each fork's knee is kept; the search's outcome is the one that claims least when forks disagree
   * (an upper bound over a lower bound over a bracketed knee), so nothing claims more than every fork
   * showed.
   */
  private static Knee knee(Knee a, Knee b) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    Knee.Found found = a.found() == b.found() ? a.found()
        : a.found() == Knee.Found.UPPER_BOUND || b.found() == Knee.Found.UPPER_BOUND ? Knee.Found.UPPER_BOUND
        : a.found() == Knee.Found.LOWER_BOUND || b.found() == Knee.Found.LOWER_BOUND ? Knee.Found.LOWER_BOUND
        : a.found();
    Double highest = a.highestRateTried() == null ? b.highestRateTried()
        : b.highestRateTried() == null ? a.highestRateTried() : Math.max(a.highestRateTried(), b.highestRateTried());
    // A generator that limited any fork limits the result: the server's knee is then only a lower bound.
    Knee.LimitedBy limit = a.limitedBy() == Knee.LimitedBy.GENERATOR || b.limitedBy() == Knee.LimitedBy.GENERATOR
        ? Knee.LimitedBy.GENERATOR : a.limitedBy() != null ? a.limitedBy() : b.limitedBy();
    return new Knee(concat(a.rates(), b.rates()), a.unit(), a.percentile(), a.boundMs(), found, highest,
        concat(a.steps(), b.steps()), limit, a.stepSeconds() != null ? a.stepSeconds() : b.stepSeconds());
  }

  /** Cores used, averaged over forks. */
  private static CpuSplit cpu(CpuSplit a, int na, CpuSplit b, int nb) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    double wa = na / (double) (na + nb);
    double wb = 1 - wa;
    Double perCpu = a.serverRequestsPerCpuSecond() == null || b.serverRequestsPerCpuSecond() == null
        ? (a.serverRequestsPerCpuSecond() != null ? a.serverRequestsPerCpuSecond() : b.serverRequestsPerCpuSecond())
        : wa * a.serverRequestsPerCpuSecond() + wb * b.serverRequestsPerCpuSecond();
    return new CpuSplit(wa * a.serverCores() + wb * b.serverCores(), wa * a.clientCores() + wb * b.clientCores(),
        wa * a.otherCores() + wb * b.otherCores(), perCpu);
  }

  private static Map<String, Metric> secondary(Map<String, Metric> a, Map<String, Metric> b) {
    if (a == null || b == null) {
      return a != null ? a : b;
    }
    Map<String, Metric> out = new TreeMap<>(a);
    b.forEach((name, m) -> {
      Metric old = out.get(name);
      if (old == null) {
        out.put(name, m);
        return;
      }
      List<List<Double>> raw = concat(old.rawData(), m.rawData());
      Double score = !raw.isEmpty() ? Double.valueOf(BenchmarkResult.meanOfForkMeans(raw))
          : old.score() == null ? m.score() : m.score() == null ? old.score() : (old.score() + m.score()) / 2;
      out.put(name, new Metric(old.unit(), old.higherIsBetter(), score, raw.isEmpty() ? null : raw));
    });
    return out;
  }
}
