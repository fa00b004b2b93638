package dev.archbench.workloads.web.scenario;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.BenchmarkResult.Interval;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.workloads.web.load.CpuSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.TDistribution;

/** Builds the scenarios' results the way JMH reports its own (mean, 99.9% interval, raw data). */
final class Results {
  /** Percentile keys of the record, latencies in milliseconds. */
  static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 100.0};

  private Results() {}

  static Map<String, Double> percentilesMillis(Histogram h) {
    Map<String, Double> p = new LinkedHashMap<>();
    for (double q : PERCENTILES) {
      p.put(Double.toString(q), (q == 100.0 ? h.getMaxValue() : h.getValueAtPercentile(q)) / 1e6);
    }
    return p;
  }

  static double mean(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }

  /** Half-width of the 99.9% confidence interval (Student t), or null with fewer than 2 values. */
  static Double error(List<Double> xs) {
    int n = xs.size();
    if (n < 2) {
      return null;
    }
    double m = mean(xs);
    double var = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (n - 1);
    return new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2) * Math.sqrt(var / n);
  }

  static Interval confidence(List<Double> xs) {
    Double e = error(xs);
    return e == null ? null : new Interval(mean(xs) - e, mean(xs) + e);
  }

  static Metric metric(String unit, boolean higherIsBetter, List<Double> perIteration) {
    return new Metric(unit, higherIsBetter, mean(perIteration), error(perIteration), List.of(perIteration));
  }

  static void putCpu(Map<String, Metric> secondary, CpuSplit cpu, double requests, double seconds) {
    secondary.put("cpu.server", metric("cores", false, List.of(cpu.serverCores())));
    secondary.put("cpu.client", metric("cores", false, List.of(cpu.clientCores())));
    secondary.put("cpu.other", metric("cores", false, List.of(cpu.otherCores())));
    if (cpu.serverCores() > 0) {
      // Requests per CPU-second of the server alone: comparable across hosts even though the load
      // generator shares the machine.
      secondary.put("server.requestsPerCpuSecond", metric("req/cpu-s", true,
          List.of(requests / (cpu.serverCores() * seconds))));
    }
  }

  static BenchmarkResult ok(Map<String, String> params, int threads, double score, List<Double> raw,
      Map<String, Double> percentiles, Map<String, Metric> secondary, Map<String, String> attributes,
      String startedAt) {
    return new BenchmarkResult(null, "web", null, params, "scenario", threads, 1, "req/s", true,
        score, error(raw), confidence(raw), percentiles, List.of(raw), secondary, attributes,
        startedAt, java.time.Instant.now().toString(), BenchmarkResult.OK, null);
  }
}
