package dev.archbench.record;

import java.util.List;
import java.util.Map;

/**
 * One benchmark with one parameter set and thread count: its score and every raw measurement. This
 * is the contract between producers (the JMH executor, the load scenarios) and consumers (reports,
 * {@code compare}, the progress line): every quantity a report reads is a typed field here, never a
 * name looked up in {@code secondary} or {@code attributes}.
 *
 * @param key identity within a run ({@code workload/benchmark[params]@threads}); resume skips
 *     results whose key is already {@code ok} or {@code failed}
 * @param params the benchmark's own parameters only (never another benchmark's JMH defaults)
 * @param mode JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) or {@code scenario}
 *     for benchmarks that are not JMH methods (load tests)
 * @param higherIsBetter whether a larger score is better (throughput) or worse (time)
 * @param score the mean over forks of each fork's mean iteration value, in {@code unit}
 * @param rawData per fork, each iteration's value in {@code unit}: what intervals are computed from
 * @param latency the latency distribution per fork, for sampled and load-tested benchmarks, else null
 * @param knee the highest rate within a latency bound, for knee searches, else null
 * @param cpu the CPU split of a load test whose client shares the host, else null
 * @param subject the model or corpus the benchmark worked on, else null
 * @param secondary further metrics for people to read (compression ratio, model load time); reports
 *     show them but compute nothing from them
 * @param attributes facts about what actually ran: codec implementation, transport, engine
 * @param reason why it failed or was skipped (first line of the error), else {@code null}
 * @param precision the precision target, the half-width reached and why measuring stopped; {@code null}
 *     in records written before adaptive stopping
 * @param forkRuns every fork as it ran (whole iteration series, steady-state class, JIT time); {@code
 *     rawData} holds the steady iterations of the steady ones only. {@code null} in records written
 *     before forks were classified
 */
public record BenchmarkResult(
    String key,
    String workload,
    String benchmark,
    Map<String, String> params,
    String mode,
    int threads,
    int forks,
    String unit,
    boolean higherIsBetter,
    Double score,
    List<List<Double>> rawData,
    Latency latency,
    Knee knee,
    CpuSplit cpu,
    Subject subject,
    Map<String, Metric> secondary,
    Map<String, String> attributes,
    String startedAt,
    String endedAt,
    Status status,
    String reason,
    Precision precision,
    List<ForkRun> forkRuns) {

  public BenchmarkResult {
    forkRuns = forkRuns == null ? null : List.copyOf(forkRuns);
  }

  /** A result of {@code benchmark} under {@code key}, every other component unset (null, 0, false). */
  public static BenchmarkResultBuilder builder(String key, String workload, String benchmark) {
    return new BenchmarkResultBuilder().key(key).workload(workload).benchmark(benchmark);
  }

  /** A builder holding every component of this result, to change some of them. */
  public BenchmarkResultBuilder toBuilder() {
    return new BenchmarkResultBuilder().key(key).workload(workload).benchmark(benchmark).params(params).mode(mode)
        .threads(threads).forks(forks).unit(unit).higherIsBetter(higherIsBetter).score(score).rawData(rawData)
        .latency(latency).knee(knee).cpu(cpu).subject(subject).secondary(secondary).attributes(attributes)
        .startedAt(startedAt).endedAt(endedAt).status(status).reason(reason).precision(precision)
        .forkRuns(forkRuns);
  }

  /** This result with {@code p} as its precision. */
  public BenchmarkResult withPrecision(Precision p) {
    return toBuilder().precision(p).build();
  }

  /** This result under another key (a variant's forks are kept under {@link VariantRun#resultKey}). */
  public BenchmarkResult withKey(String newKey) {
    return toBuilder().key(newKey).build();
  }

  /** This result without a score: no fork reached a steady state, {@code reason} says so in words. */
  public BenchmarkResult unsteady(String why) {
    return toBuilder().score(null).status(Status.UNSTEADY).reason(why).build();
  }

  /** How many forks reached a steady state; {@code null} when forks were not classified (older records). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public Integer steadyForks() {
    return forkRuns == null ? null : (int) forkRuns.stream().filter(ForkRun::isSteady).count();
  }

  /**
   * "3 of 4 forks steady" for people, or {@code null} when forks were not classified or all are
   * steady and there is nothing to point out ({@code always}: say it anyway).
   */
  public String steadySummary(boolean always) {
    Integer steady = steadyForks();
    if (steady == null || (!always && steady == forkRuns.size())) {
      return null;
    }
    return steady + " of " + forkRuns.size() + " fork" + (forkRuns.size() == 1 ? "" : "s") + " steady";
  }

  /** A secondary metric with its own unit and, when measured per iteration, its raw data per fork. */
  public record Metric(String unit, boolean higherIsBetter, Double score, List<List<Double>> rawData) {

    /**
     * This metric with {@code other}'s forks after its own: raw data concatenated and scored as the
     * mean of fork means; metrics without raw data (one value per run) average their scores.
     */
    public Metric merge(Metric other) {
      List<List<Double>> raw = Lists.concat(rawData, other.rawData());
      Double merged = !raw.isEmpty() ? Double.valueOf(meanOfForkMeans(raw))
          : score == null ? other.score() : other.score() == null ? score : (score + other.score()) / 2;
      return new Metric(unit, higherIsBetter, merged, raw.isEmpty() ? null : raw);
    }

    /** Metrics by name, {@code b}'s merged into {@code a}'s of the same name; either map may be null. */
    public static Map<String, Metric> mergeByName(Map<String, Metric> a, Map<String, Metric> b) {
      if (a == null || b == null) {
        return a != null ? a : b;
      }
      Map<String, Metric> out = new java.util.TreeMap<>(a);
      b.forEach((name, m) -> out.merge(name, m, Metric::merge));
      return out;
    }
  }

  /** The identity of a benchmark run within a record. */
  public static String keyOf(String workload, String benchmark, Map<String, String> params, int threads) {
    StringBuilder sb = new StringBuilder(workload).append('/').append(benchmark);
    if (params != null && !params.isEmpty()) {
      sb.append('[');
      new java.util.TreeMap<>(params).forEach((k, v) -> sb.append(k).append('=').append(v).append(','));
      sb.setLength(sb.length() - 1);
      sb.append(']');
    }
    return sb.append('@').append(threads).toString();
  }

  /** A result that did not run here, with the reason (no device, no model). */
  public static BenchmarkResult skipped(String workload, String benchmark, Map<String, String> params,
      int threads, String unit, boolean higherIsBetter, String reason) {
    return builder(keyOf(workload, benchmark, params, threads), workload, benchmark).params(params)
        .threads(threads).unit(unit).higherIsBetter(higherIsBetter).status(Status.SKIPPED).reason(reason).build();
  }

  /** The mean over forks of each fork's mean: the score of {@code rawData}; NaN when there is none. */
  public static double meanOfForkMeans(List<List<Double>> rawData) {
    double sum = 0;
    int n = 0;
    for (List<Double> fork : rawData == null ? List.<List<Double>>of() : rawData) {
      if (!fork.isEmpty()) {
        sum += fork.stream().mapToDouble(Double::doubleValue).sum() / fork.size();
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOk() {
    return status == Status.OK;
  }
}
