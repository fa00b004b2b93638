package dev.archbench.workloads.web.load;

import org.HdrHistogram.Histogram;

/**
 * What the load generator saw between two readings.
 *
 * @param latencies every correct answer's latency in nanoseconds
 * @param errors non-200 answers, wrong bodies, broken connections
 * @param elapsedNanos wall time of the interval
 */
public record Interval(Histogram latencies, long errors, long elapsedNanos) {

  public long completed() {
    return latencies.getTotalCount();
  }

  /** Correct answers per second. */
  public double throughput() {
    return completed() * 1e9 / elapsedNanos;
  }

  /** A percentile in milliseconds. */
  public double percentileMillis(double percentile) {
    return latencies.getValueAtPercentile(percentile) / 1e6;
  }
}
