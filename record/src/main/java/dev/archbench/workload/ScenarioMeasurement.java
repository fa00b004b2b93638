package dev.archbench.workload;

import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.CpuSplit;
import dev.archbench.record.Knee;
import dev.archbench.record.Latency;
import dev.archbench.record.Subject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Scenario} measured, in the record's own types: the runner turns it into the stored
 * result (identity, score, times, status are its business, not the scenario's).
 *
 * @param rawData per fork, each iteration's value in the benchmark's unit; the score is the mean of
 *     the fork means
 * @param latency per-fork latency histograms, or null
 * @param knee the highest rate within a latency bound, or null
 * @param cpu the CPU split of a load test, or null
 * @param subject the model or corpus worked on, or null
 * @param secondary further metrics for people to read
 * @param attributes facts about what ran
 */
public record ScenarioMeasurement(
    List<List<Double>> rawData,
    Latency latency,
    Knee knee,
    CpuSplit cpu,
    Subject subject,
    Map<String, Metric> secondary,
    Map<String, String> attributes) {

  public ScenarioMeasurement {
    rawData = rawData.stream().map(List::copyOf).toList();
    secondary = secondary == null ? Map.of() : new TreeMap<>(secondary);
    attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
  }

  /** One fork's iterations, nothing else yet. */
  public static ScenarioMeasurement ofIterations(List<Double> iterations) {
    return new ScenarioMeasurement(List.of(iterations), null, null, null, null, Map.of(), Map.of());
  }

  public ScenarioMeasurement withLatency(Latency l) {
    return new ScenarioMeasurement(rawData, l, knee, cpu, subject, secondary, attributes);
  }

  public ScenarioMeasurement withKnee(Knee k) {
    return new ScenarioMeasurement(rawData, latency, k, cpu, subject, secondary, attributes);
  }

  public ScenarioMeasurement withCpu(CpuSplit c) {
    return new ScenarioMeasurement(rawData, latency, knee, c, subject, secondary, attributes);
  }

  public ScenarioMeasurement withSecondary(Map<String, Metric> m) {
    return new ScenarioMeasurement(rawData, latency, knee, cpu, subject, m, attributes);
  }

  public ScenarioMeasurement withAttributes(Map<String, String> a) {
    return new ScenarioMeasurement(rawData, latency, knee, cpu, subject, secondary, a);
  }
}
