package dev.archbench.workloads.inference.bench;

import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parameters common to the inference scenarios. */
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
}
