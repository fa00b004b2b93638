package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.Scenario;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.GeneratorCpu;
import dev.archbench.workloads.web.load.LoadTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every rig holds once it is set up: where the load goes and the request it sends, the vCPUs
 * its concurrency is relative to, the facts to record, and the load generator's CPU when the
 * generator has a host of its own. A rig adds how it reads the server's CPU, checks it after load
 * and closes.
 */
abstract class HttpRig implements LoadRig {
  private final LoadTarget target;
  private final Exchange exchange;
  private final String what;
  private final int vcpus;
  private final GeneratorCpu generator;
  /** Filled by the rig's constructor, in the order the record shows them. */
  protected final Map<String, String> attributes = new LinkedHashMap<>();

  /** {@code generator}: null when the generator shares the server's host. */
  HttpRig(LoadTarget target, Exchange exchange, String what, int vcpus, GeneratorCpu generator) {
    this.target = target;
    this.exchange = exchange;
    this.what = what;
    this.vcpus = vcpus;
    this.generator = generator;
  }

  /** archbench's own server: started here, or another host's {@code archbench serve web} ({@code --server}). */
  static HttpRig archbenchServer(Map<String, String> params, Scenario.ScenarioSettings settings) throws Exception {
    return RemoteServer.of(settings) ? RemoteWebRig.connect(params, settings.options())
        : WebRig.start(params, settings.threads());
  }

  /** The vCPUs of the server's host as its agent reads them, else this host's. */
  static int serverVcpus(Integer fromAgent) {
    return fromAgent != null && fromAgent > 0 ? fromAgent : Runtime.getRuntime().availableProcessors();
  }

  @Override
  public final LoadTarget target() {
    return target;
  }

  @Override
  public final Exchange exchange() {
    return exchange;
  }

  @Override
  public final String what() {
    return what;
  }

  @Override
  public final int vcpus() {
    return vcpus;
  }

  @Override
  public final Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public final Optional<GeneratorCpu> generatorCpu() {
    return Optional.ofNullable(generator);
  }
}
