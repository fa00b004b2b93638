package dev.archbench.workload;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Run options meant for workloads ({@code --corpus}, {@code --device}, ...): their names, and how
 * benchmark code in a forked JVM reads them, in one way, from this JVM's {@link ForkContext}. In the
 * harness process the same values are in {@link WorkloadContext#options()}.
 */
public final class WorkloadOptions {
  /** archbench's work directory unless {@code --work-dir} says otherwise (model caches, generated files). */
  public static final String DEFAULT_WORK_DIR = ".archbench";

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

  /** {@code --target URL}: the user's HTTP service to drive with archbench's load generator. */
  public static final String TARGET = "target.url";
  /** {@code --target-request FILE}: the request to send (method, path, headers, body), absolute path. */
  public static final String TARGET_REQUEST = "target.request";
  /** {@code --target-status CODE}: the status every answer must have (default 200). */
  public static final String TARGET_STATUS = "target.status";
  /** {@code --target-pid PID}: the service's process, whose CPU time (with its children's) is recorded. */
  public static final String TARGET_PID = "target.pid";
  /**
   * {@code --target-agent URL}: the agent beside the user's service on another host ({@code archbench
   * agent}): the record is then the service's host, and its CPU comes from the agent.
   */
  public static final String TARGET_AGENT = "target.agent";
  /**
   * {@code --server URL}: an {@code archbench serve web} on another host for the web workload's load
   * scenarios (its agent is at {@code URL/archbench/agent}); the record is then the server's host.
   */
  public static final String WEB_SERVER = "web.server";

  private WorkloadOptions() {}

  /** The option as the runner gave it to this fork; empty outside a run. */
  public static Optional<String> get(String name) {
    return ForkContext.current().option(name);
  }

  /** archbench's work directory as the runner gave it to this fork, else {@code ./.archbench}. */
  public static Path workDir() {
    return ForkContext.current().workDir();
  }
}
