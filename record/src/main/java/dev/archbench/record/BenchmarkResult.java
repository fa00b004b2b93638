package dev.archbench.record;

import java.util.List;
import java.util.Map;

/**
 * One benchmark with one parameter set and thread count: its score and every raw measurement.
 *
 * @param key identity within a run ({@code workload/benchmark[params]@threads}); resume skips
 *     results whose key is already {@code ok} or {@code failed}
 * @param mode JMH mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}) or {@code scenario}
 *     for benchmarks that are not JMH methods (load tests)
 * @param higherIsBetter whether a larger score is better (throughput) or worse (time)
 * @param confidence 99.9% interval as JMH computes it; {@code null} when there are too few samples
 * @param percentiles e.g. {@code "50.0" -> 1.2}, for sampled or latency modes
 * @param rawData per fork, each iteration's score in {@code unit}
 * @param secondary extra metrics, e.g. compression ratio, knee rate, p99
 * @param attributes facts about what actually ran: codec implementation, transport, model checksum
 * @param status {@code ok}, {@code failed} or {@code skipped}
 * @param reason why it failed or was skipped (first line of the error), else {@code null}
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
    Double scoreError,
    Interval confidence,
    Map<String, Double> percentiles,
    List<List<Double>> rawData,
    Map<String, Metric> secondary,
    Map<String, String> attributes,
    String startedAt,
    String endedAt,
    String status,
    String reason) {

  public static final String OK = "ok";
  public static final String FAILED = "failed";
  public static final String SKIPPED = "skipped";

  public record Interval(double lower, double upper) {}

  /** A secondary metric with its own unit and, when measured per iteration, its raw data. */
  public record Metric(
      String unit,
      boolean higherIsBetter,
      Double score,
      Double scoreError,
      List<List<Double>> rawData) {}

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
    return new BenchmarkResult(keyOf(workload, benchmark, params, threads), workload, benchmark,
        params, null, threads, 0, unit, higherIsBetter, null, null, null, null, null, null, null,
        null, null, SKIPPED, reason);
  }

  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isOk() {
    return OK.equals(status);
  }
}
