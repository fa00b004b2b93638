package dev.archbench.harness.runner;

import dev.archbench.harness.fingerprint.NetworkSource;
import dev.archbench.record.Host;
import dev.archbench.record.LoadHost;
import dev.archbench.workload.UnsatisfiableRequest;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.agent.AgentReading;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A run whose server is another host ({@code --server URL}: {@code archbench serve web} there;
 * {@code --target URL --target-agent URL}: the user's service with {@code archbench agent} beside
 * it). The record is attributed to the server's host, as its agent describes it, and the load host
 * is recorded beside it ({@link LoadHost}).
 *
 * @param server the URL the load goes to
 * @param agent the server's agent
 * @param reading what the agent answered at the start of the run
 */
record TwoHostRun(String server, URI agent, AgentReading reading) {

  /** The two-host setup the options ask for, its agent read now; empty for a run on one host. */
  static Optional<TwoHostRun> of(Map<String, String> options) {
    String web = options.get(WorkloadOptions.WEB_SERVER);
    String agentOption = options.get(WorkloadOptions.TARGET_AGENT);
    if (web == null && agentOption == null) {
      return Optional.empty();
    }
    URI agent = web != null ? AgentClient.agentOf(AgentClient.parse("--server", web))
        : AgentClient.parse("--target-agent", agentOption);
    try {
      return Optional.of(new TwoHostRun(web != null ? web : options.get(WorkloadOptions.TARGET), agent,
          new AgentClient(agent).read()));
    } catch (IllegalStateException e) {
      throw new UnsatisfiableRequest(e.getMessage());
    }
  }

  /** The record's host: the server's. */
  Host serverHost() {
    return reading.host();
  }

  /** The load side: this host ({@code here}) and both network paths. */
  LoadHost loadHost(Host here, RunEnvironment env) {
    return new LoadHost(server, agent.toString(), reading.cpuScope(), here,
        reading.network() == null ? LoadHost.Network.UNKNOWN : reading.network(),
        NetworkSource.collect(env.roots(), env.env()));
  }
}
