package dev.archbench.workloads.web.scenario;

import dev.archbench.workloads.web.load.Concurrency;
import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.GeneratorCpu;
import dev.archbench.workloads.web.load.LoadTarget;
import java.util.Map;
import java.util.Optional;

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

  /** Event loops for the load generator: on this host's CPUs, shared with the server unless it is another host's. */
  default int clientThreads(int connections) {
    boolean ownHost = generatorCpu().isPresent();
    return Concurrency.clientThreads(connections, ownHost ? Runtime.getRuntime().availableProcessors() : vcpus(),
        !ownHost);
  }

  /** Facts to record about the rig (transport, endpoint, where the server's CPU was read). */
  Map<String, String> attributes();

  /** Samples the server's and the generator's CPU; the server's may be another process's. */
  CpuSplit.Meter meter(LoadGenerator gen);

  /** Whether {@link #meter} reads the server's CPU (a user's service only with {@code --target-pid}). */
  default boolean measuresServerCpu() {
    return true;
  }

  /**
   * The load generator's CPU, when it has a host of its own (the server is another host's): each knee
   * step then records how busy the generator was and is marked when it, not the server, may have been
   * the limit. Empty when client and server share the host (their split is in the result's CPU).
   */
  default Optional<GeneratorCpu> generatorCpu() {
    return Optional.empty();
  }

  /** The check after load: the server still answers as it must. */
  void revalidate() throws Exception;

  @Override
  void close();
}
