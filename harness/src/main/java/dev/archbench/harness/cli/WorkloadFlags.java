package dev.archbench.harness.cli;

import dev.archbench.workload.WorkloadOptions;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code archbench run}'s options for one workload each (a mixin: they appear where it is declared). */
final class WorkloadFlags {
  @Option(names = "--corpus", paramLabel = "PATH", description = "compression: your own file or directory.")
  String corpus;

  @Option(names = "--device", paramLabel = "DEVICE", description = "inference: cpu, gpu, neuron or auto.")
  String device;

  @Option(names = "--python", paramLabel = "PATH", description = "inference: Python with torch for TorchScript export.")
  String python;

  @Option(names = "--model", paramLabel = "PATH", description = "inference: your own .onnx or .pt model.")
  String model;

  @Option(names = "--neuron-env", paramLabel = "DIR", description = "inference: a Neuron SDK virtual environment.")
  String neuronEnv;

  @Option(names = "--p99-target-ms", paramLabel = "MS", description = "web: the knee's p99 latency target.")
  String p99TargetMs;

  @Option(names = "--latency-bound-ms", paramLabel = "MS", description = "inference: the server scenario's p99 bound.")
  String latencyBoundMs;

  /** These options by {@link WorkloadOptions} name, paths absolute, numbers checked. */
  void addTo(Map<String, String> m) {
    put(m, WorkloadOptions.CORPUS, corpus == null ? null : Path.of(corpus).toAbsolutePath().toString());
    put(m, WorkloadOptions.DEVICE, device);
    put(m, WorkloadOptions.PYTHON, python);
    put(m, WorkloadOptions.MODEL, model == null ? null : Path.of(model).toAbsolutePath().toString());
    put(m, WorkloadOptions.NEURON_ENV, neuronEnv == null ? null : Path.of(neuronEnv).toAbsolutePath().toString());
    put(m, WorkloadOptions.WEB_P99_TARGET_MS, positive("--p99-target-ms", p99TargetMs));
    put(m, WorkloadOptions.INFERENCE_LATENCY_BOUND_MS, positive("--latency-bound-ms", latencyBoundMs));
  }

  private static String positive(String option, String v) {
    if (v == null) {
      return null;
    }
    try {
      if (Double.parseDouble(v) > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(option + ": '" + v + "' is not a positive number of milliseconds");
  }

  static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
