package dev.archbench.record;

import dev.archbench.record.BenchmarkResult.Metric;
import java.util.List;
import java.util.Map;

/**
 * Names each component of a {@link BenchmarkResult} instead of passing 23 of them by position: start
 * with {@link BenchmarkResult#builder} or {@link BenchmarkResult#toBuilder}, set what differs, then
 * {@link #build}. Components not set stay null (numbers 0, {@code higherIsBetter} false).
 */
public final class BenchmarkResultBuilder {
  private String key;
  private String workload;
  private String benchmark;
  private Map<String, String> params;
  private String mode;
  private int threads;
  private int forks;
  private String unit;
  private boolean higherIsBetter;
  private Double score;
  private List<List<Double>> rawData;
  private Latency latency;
  private Knee knee;
  private CpuSplit cpu;
  private Subject subject;
  private Map<String, Metric> secondary;
  private Map<String, String> attributes;
  private String startedAt;
  private String endedAt;
  private Status status;
  private String reason;
  private Precision precision;
  private List<ForkRun> forkRuns;

  BenchmarkResultBuilder() {}

  public BenchmarkResultBuilder key(String key) {
    this.key = key;
    return this;
  }

  public BenchmarkResultBuilder workload(String workload) {
    this.workload = workload;
    return this;
  }

  public BenchmarkResultBuilder benchmark(String benchmark) {
    this.benchmark = benchmark;
    return this;
  }

  public BenchmarkResultBuilder params(Map<String, String> params) {
    this.params = params;
    return this;
  }

  public BenchmarkResultBuilder mode(String mode) {
    this.mode = mode;
    return this;
  }

  public BenchmarkResultBuilder threads(int threads) {
    this.threads = threads;
    return this;
  }

  public BenchmarkResultBuilder forks(int forks) {
    this.forks = forks;
    return this;
  }

  public BenchmarkResultBuilder unit(String unit) {
    this.unit = unit;
    return this;
  }

  public BenchmarkResultBuilder higherIsBetter(boolean higherIsBetter) {
    this.higherIsBetter = higherIsBetter;
    return this;
  }

  public BenchmarkResultBuilder score(Double score) {
    this.score = score;
    return this;
  }

  public BenchmarkResultBuilder rawData(List<List<Double>> rawData) {
    this.rawData = rawData;
    return this;
  }

  public BenchmarkResultBuilder latency(Latency latency) {
    this.latency = latency;
    return this;
  }

  public BenchmarkResultBuilder knee(Knee knee) {
    this.knee = knee;
    return this;
  }

  public BenchmarkResultBuilder cpu(CpuSplit cpu) {
    this.cpu = cpu;
    return this;
  }

  public BenchmarkResultBuilder subject(Subject subject) {
    this.subject = subject;
    return this;
  }

  public BenchmarkResultBuilder secondary(Map<String, Metric> secondary) {
    this.secondary = secondary;
    return this;
  }

  public BenchmarkResultBuilder attributes(Map<String, String> attributes) {
    this.attributes = attributes;
    return this;
  }

  public BenchmarkResultBuilder startedAt(String startedAt) {
    this.startedAt = startedAt;
    return this;
  }

  public BenchmarkResultBuilder endedAt(String endedAt) {
    this.endedAt = endedAt;
    return this;
  }

  public BenchmarkResultBuilder status(Status status) {
    this.status = status;
    return this;
  }

  public BenchmarkResultBuilder reason(String reason) {
    this.reason = reason;
    return this;
  }

  public BenchmarkResultBuilder precision(Precision precision) {
    this.precision = precision;
    return this;
  }

  public BenchmarkResultBuilder forkRuns(List<ForkRun> forkRuns) {
    this.forkRuns = forkRuns;
    return this;
  }

  public BenchmarkResult build() {
    return new BenchmarkResult(key, workload, benchmark, params, mode, threads, forks, unit, higherIsBetter, score,
        rawData, latency, knee, cpu, subject, secondary, attributes, startedAt, endedAt, status, reason, precision,
        forkRuns);
  }
}
