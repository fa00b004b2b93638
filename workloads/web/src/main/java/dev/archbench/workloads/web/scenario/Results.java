package dev.archbench.workloads.web.scenario;

import dev.archbench.record.Latency;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workloads.web.load.Interval;
import dev.archbench.workloads.web.load.Measurement;
import java.util.List;
import java.util.Map;

/** Builds the load scenarios' measurements: per-iteration rates, the latency histogram, the CPU split. */
final class Results {
  private Results() {}

  /** One fork of a load test: {@code raw} per iteration, latencies and CPU of {@code m}. */
  static ScenarioMeasurement of(List<Double> raw, Measurement m, Map<String, String> attributes) {
    return of(raw, m, attributes, true);
  }

  /** @param serverCpuKnown false when the server's CPU was not measured: the record then has no CPU split */
  static ScenarioMeasurement of(List<Double> raw, Measurement m, Map<String, String> attributes,
      boolean serverCpuKnown) {
    return ScenarioMeasurement.ofIterations(raw)
        .withWarmup(m.warmup().stream().map(Interval::throughput).toList(), m.jitMillis())
        .withLatency(Latency.ofForks(List.of(m.latencies())))
        .withCpu(serverCpuKnown ? m.cpu().stored(m.completed(), m.seconds()) : null)
        .withAttributes(attributes);
  }
}
