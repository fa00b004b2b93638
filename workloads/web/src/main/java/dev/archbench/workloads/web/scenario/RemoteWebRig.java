package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.agent.AgentReading;
import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.GeneratorCpu;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.server.Transport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * {@code archbench serve web} on another host ({@code --server URL}): the same endpoints and checks as
 * {@link WebRig}, the server's CPU time from its agent, and concurrency relative to the server's
 * vCPUs. The generator's own CPU is measured per step, so a step it could not drive is marked.
 */
final class RemoteWebRig extends HttpRig {
  private final Endpoint endpoint;
  private final AgentClient agent;

  private RemoteWebRig(URI server, LoadTarget target, Endpoint endpoint, byte[] body, AgentClient agent,
      AgentReading first, Transport client, GeneratorCpu generator) {
    super(target, Exchange.of(endpoint, target, body), endpoint.id(),
        serverVcpus(first.host().cpu() == null ? null : first.host().cpu().logicalCores()), generator);
    this.endpoint = endpoint;
    this.agent = agent;
    attributes.put("server", server.toString());
    attributes.put("endpoint", endpoint.id() + " (" + endpoint.path() + ")");
    attributes.put("tls.server", "none");
    attributes.put("transport.client", client.describe(true));
    attributes.put("vcpus", vcpus() + " (the server's)");
    attributes.put("generatorCpus", String.format(java.util.Locale.ROOT, "%.2f", generator.cpus()));
    attributes.put("cpuSplit", "two hosts: cpu.server is the server's " + first.cpuScope().id()
        + " CPU time from its agent; cpu.client the load generator's threads, cpu.other the rest of its JVM");
  }

  /** Reads the server's agent once and validates the server's answer once. */
  static RemoteWebRig connect(Map<String, String> params, Map<String, String> options) throws Exception {
    GeneratorCpu generator = GeneratorCpu.ofThisProcess();
    URI server = URI.create(options.get(WorkloadOptions.WEB_SERVER));
    String tls = params.getOrDefault("tls", "none");
    if (!"none".equals(tls)) {
      throw new IllegalStateException("--server drives plain HTTP only; this benchmark needs TLS " + tls);
    }
    AgentClient agent = new AgentClient(AgentClient.agentOf(server));
    AgentReading first = agent.read();
    Endpoint endpoint = Endpoint.of(params.getOrDefault("endpoint", "json"));
    Transport client = Transport.select(true);
    LoadTarget target = new LoadTarget(
        new InetSocketAddress(server.getHost(), server.getPort() < 0 ? 80 : server.getPort()), null, client);
    byte[] body = HttpProbe.validate(target, endpoint);
    return new RemoteWebRig(server, target, endpoint, body, agent, first, client, generator);
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    return new CpuSplit.Meter(agent::cpuNanos, gen::cpuNanos, false);
  }

  @Override
  public void revalidate() throws Exception {
    HttpProbe.validate(target(), endpoint);
  }

  @Override
  public void close() {
    // the server is another host's
  }
}
