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
 * @param warmup the warm-up steps' values, when the scenario measured its warm-up as steps of the
 *     iteration length (then the runner classifies warm-up and iterations as one series); empty when not
 * @param jitMillis per step, warm-up steps first, milliseconds the fork's JIT spent compiling; null
 *     when not measured
 */
public record ScenarioMeasurement(
    List<List<Double>> rawData,
    Latency latency,
    Knee knee,
    CpuSplit cpu,
    Subject subject,
    Map<String, Metric> secondary,
    Map<String, String> attributes,
    List<Double> warmup,
    List<Double> jitMillis) {

  public ScenarioMeasurement {
    rawData = rawData.stream().map(List::copyOf).toList();
    secondary = secondary == null ? Map.of() : new TreeMap<>(secondary);
    attributes = attributes == null ? Map.of() : new TreeMap<>(attributes);
    warmup = warmup == null ? List.of() : List.copyOf(warmup);
    jitMillis = jitMillis == null ? null : List.copyOf(jitMillis);
  }

  /** One fork's iterations, nothing else yet. */
  public static ScenarioMeasurement ofIterations(List<Double> iterations) {
    return new ScenarioMeasurement(List.of(iterations), null, null, null, null, Map.of(), Map.of(), List.of(), null);
  }

  /** With the warm-up measured as steps, and the JIT's time per step (warm-up first; null if unknown). */
  public ScenarioMeasurement withWarmup(List<Double> steps, List<Double> jit) {
    return new ScenarioMeasurement(rawData, latency, knee, cpu, subject, secondary, attributes, steps, jit);
  }

  /** Warm-up steps and measured iterations as one series, for a single fork's measurement. */
  public List<Double> series() {
    List<Double> all = new java.util.ArrayList<>(warmup);
    all.addAll(rawData.size() == 1 ? rawData.get(0) : List.of());
    return all;
  }

  public ScenarioMeasurement withLatency(Latency l) {
    return new ScenarioMeasurement(rawData, l, knee, cpu, subject, secondary, attributes, warmup, jitMillis);
  }

  public ScenarioMeasurement withKnee(Knee k) {
    return new ScenarioMeasurement(rawData, latency, k, cpu, subject, secondary, attributes, warmup, jitMillis);
  }

  public ScenarioMeasurement withCpu(CpuSplit c) {
    return new ScenarioMeasurement(rawData, latency, knee, c, subject, secondary, attributes, warmup, jitMillis);
  }

  public ScenarioMeasurement withSecondary(Map<String, Metric> m) {
    return new ScenarioMeasurement(rawData, latency, knee, cpu, subject, m, attributes, warmup, jitMillis);
  }

  public ScenarioMeasurement withAttributes(Map<String, String> a) {
    return new ScenarioMeasurement(rawData, latency, knee, cpu, subject, secondary, a, warmup, jitMillis);
  }
}
