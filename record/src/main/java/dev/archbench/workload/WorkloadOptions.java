package dev.archbench.workload;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Run options meant for workloads ({@code --corpus}, {@code --device}, ...). The runner passes each
 * to the forked benchmark JVMs as a system property {@code archbench.opt.<name>}; benchmark code
 * reads them here, in one way. In the harness process the same values are in
 * {@link HostContext#options()}.
 */
public final class WorkloadOptions {
  public static final String PREFIX = "archbench.opt.";
  /** System property with archbench's work directory (model caches, generated files). */
  public static final String WORK_DIR_PROPERTY = "archbench.workDir";

  /** {@code --corpus PATH}: the user's own file or directory for compression. */
  public static final String CORPUS = "corpus";
  /** {@code --device cpu|gpu|neuron|auto} for inference. */
  public static final String DEVICE = "device";
  /** {@code --python PATH}: the Python with torch used to export TorchScript. */
  public static final String PYTHON = "python";
  /** {@code --model PATH}: the user's own {@code .onnx} or {@code .pt}. */
  public static final String MODEL = "model";
  /** {@code --neuron-env DIR}: a Neuron SDK virtual environment. */
  public static final String NEURON_ENV = "neuronEnv";
  /** {@code --p99-target-ms}: the web knee's latency target. */
  public static final String WEB_P99_TARGET_MS = "web.p99TargetMs";
  /** {@code --latency-bound-ms}: the inference server scenario's p99 bound. */
  public static final String INFERENCE_LATENCY_BOUND_MS = "inference.latencyBoundMs";

  private WorkloadOptions() {}

  public static Optional<String> get(String name) {
    return Optional.ofNullable(System.getProperty(PREFIX + name)).filter(s -> !s.isBlank());
  }

  /** archbench's work directory: {@code -Darchbench.workDir}, else {@code ./.archbench}. */
  public static Path workDir() {
    return Path.of(System.getProperty(WORK_DIR_PROPERTY, ".archbench")).toAbsolutePath();
  }
}
