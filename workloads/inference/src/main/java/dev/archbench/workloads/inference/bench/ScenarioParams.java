package dev.archbench.workloads.inference.bench;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parameters common to the inference scenarios, and how their results are named. */
record ScenarioParams(String model, EngineKind engine, DeviceKind device, int batch, int predictors,
    int seqLen, String fpmath, String threadWait) {

  static ScenarioParams of(Map<String, String> p) {
    return new ScenarioParams(p.getOrDefault("model", "mlp"),
        EngineKind.of(p.getOrDefault("engine", "onnxruntime")),
        DeviceKind.valueOf(p.getOrDefault("device", "cpu").toUpperCase(Locale.ROOT)),
        Integer.parseInt(p.getOrDefault("batch", "1")),
        Integer.parseInt(p.getOrDefault("predictors", "1")),
        Integer.parseInt(p.getOrDefault("seqLen", "128")),
        p.getOrDefault("fpmath", "default"),
        p.getOrDefault("threadWait", "spin"));
  }

  /** The benchmark name as {@link dev.archbench.workloads.inference.InferenceWorkload} declares it. */
  String benchmarkName(String scenario) {
    return InferenceNames.name(scenario, model, engine, device);
  }

  static BenchmarkResult result(String benchmark, Map<String, String> params, int threads, String unit,
      boolean higherIsBetter, List<Double> iterations, Map<String, BenchmarkResult.Metric> secondary,
      Map<String, String> attributes, Instant started) {
    double mean = iterations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    return new BenchmarkResult(BenchmarkResult.keyOf("inference", benchmark, params, threads), "inference",
        benchmark, params, "scenario", threads, 1, unit, higherIsBetter, mean, null, null, null,
        List.of(List.copyOf(iterations)), secondary, attributes, started.toString(), Instant.now().toString(),
        BenchmarkResult.OK, null);
  }
}
