package dev.archbench.workloads.web.scenario;

import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import java.util.Map;

/**
 * What a load scenario drives: archbench's own server on loopback ({@link WebRig}) or the user's
 * service ({@link TargetRig}, {@code --target}). The closed-loop series and the knee search are the
 * same for both.
 */
interface LoadRig extends AutoCloseable {
  LoadTarget target();

  /** The request and what every answer must be. */
  Exchange exchange();

  /** What the load asks for, for failure messages (e.g. {@code json}, {@code GET /}). */
  String what();

  int vcpus();

  /** Facts to record about the rig (transport, endpoint, where the server's CPU was read). */
  Map<String, String> attributes();

  /** Samples the server's and the generator's CPU; the server's may be another process's. */
  CpuSplit.Meter meter(LoadGenerator gen);

  /** Whether {@link #meter} reads the server's CPU (a user's service only with {@code --target-pid}). */
  default boolean measuresServerCpu() {
    return true;
  }

  /** The check after load: the server still answers as it must. */
  void revalidate() throws Exception;

  @Override
  void close();
}
