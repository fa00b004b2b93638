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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code archbench serve web} on another host ({@code --server URL}): the same endpoints and checks as
 * {@link WebRig}, the server's CPU time from its agent, and concurrency relative to the server's
 * vCPUs. The generator's own CPU is measured per step, so a step it could not drive is marked.
 */
final class RemoteWebRig implements LoadRig {
  private final LoadTarget target;
  private final Endpoint endpoint;
  private final byte[] body;
  private final int vcpus;
  private final AgentClient agent;
  private final GeneratorCpu generator = GeneratorCpu.ofThisProcess();
  private final Map<String, String> attributes = new LinkedHashMap<>();

  RemoteWebRig(Map<String, String> params, Map<String, String> options) throws Exception {
    URI server = URI.create(options.get(WorkloadOptions.WEB_SERVER));
    String tls = params.getOrDefault("tls", "none");
    if (!"none".equals(tls)) {
      throw new IllegalStateException("--server drives plain HTTP only; this benchmark needs TLS " + tls);
    }
    agent = new AgentClient(AgentClient.agentOf(server));
    AgentReading first = agent.read();
    Integer serverCpus = first.host().cpu() == null ? null : first.host().cpu().logicalCores();
    vcpus = serverCpus != null && serverCpus > 0 ? serverCpus : Runtime.getRuntime().availableProcessors();
    endpoint = Endpoint.of(params.getOrDefault("endpoint", "json"));
    Transport client = Transport.select(true);
    target = new LoadTarget(new InetSocketAddress(server.getHost(), server.getPort() < 0 ? 80 : server.getPort()),
        null, client);
    body = HttpProbe.validate(target, endpoint);
    attributes.put("server", server.toString());
    attributes.put("endpoint", endpoint.id() + " (" + endpoint.path() + ")");
    attributes.put("tls.server", "none");
    attributes.put("transport.client", client.describe(true));
    attributes.put("vcpus", vcpus + " (the server's)");
    attributes.put("generatorCpus", String.format(java.util.Locale.ROOT, "%.2f", generator.cpus()));
    attributes.put("cpuSplit", "two hosts: cpu.server is the server's " + first.cpuScope().id()
        + " CPU time from its agent; cpu.client the load generator's threads, cpu.other the rest of its JVM");
  }

  @Override
  public LoadTarget target() {
    return target;
  }

  @Override
  public Exchange exchange() {
    return Exchange.of(endpoint, target, body);
  }

  @Override
  public String what() {
    return endpoint.id();
  }

  @Override
  public int vcpus() {
    return vcpus;
  }

  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    return new CpuSplit.Meter(agent::cpuNanos, gen::cpuNanos, false);
  }

  @Override
  public Optional<GeneratorCpu> generatorCpu() {
    return Optional.of(generator);
  }

  @Override
  public void revalidate() throws Exception {
    HttpProbe.validate(target, endpoint);
  }

  @Override
  public void close() {
    // the server is another host's
  }
}
