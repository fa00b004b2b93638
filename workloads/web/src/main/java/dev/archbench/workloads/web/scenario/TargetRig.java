package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.agent.AgentReading;
import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.GeneratorCpu;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.userservice.ProcessTreeCpu;
import dev.archbench.workloads.web.userservice.TargetProbe;
import dev.archbench.workloads.web.userservice.TargetRequest;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's service ({@code --target}) as a load scenario's rig: the request from the options, every
 * answer checked for the expected status (the body is the service's business), and, with
 * {@code --target-pid}, the CPU time of the service's process tree from {@code /proc}; with
 * {@code --target-agent} (the service on another host, {@code archbench agent} beside it) the
 * service's CPU time from its agent, concurrency relative to its host's vCPUs, and the generator's
 * own CPU per knee step.
 */
final class TargetRig extends HttpRig {
  private final TargetRequest request;
  private final ProcessTreeCpu serverCpu;
  private final AgentClient agent;

  private TargetRig(TargetRequest request, String pid, ProcessTreeCpu serverCpu, AgentClient agent,
      AgentReading reading) {
    super(TargetProbe.loadTarget(request), new Exchange(request.bytes(), request.expectedStatus(), null),
        request.describe(),
        serverVcpus(reading == null || reading.host().cpu() == null ? null : reading.host().cpu().logicalCores()),
        agent == null ? null : GeneratorCpu.ofThisProcess());
    this.request = request;
    this.serverCpu = serverCpu;
    this.agent = agent;
    attributes.put("target", request.url().toString());
    attributes.put("request", request.describe() + (request.body().length > 0 ? " (" + request.body().length
        + " bytes of body)" : ""));
    attributes.put("expectedStatus", Integer.toString(request.expectedStatus()));
    attributes.put("vcpus", vcpus() + (reading == null ? "" : " (the service's host)"));
    attributes.put("cpuSplit", reading != null
        ? "two hosts: cpu.server is the service's " + reading.cpuScope().id() + " CPU time from its agent "
            + agent.uri() + "; cpu.client the load generator's threads, cpu.other the rest of its JVM"
        : serverCpu == null
        ? "not measured: give --target-pid for the service's CPU time per request"
        : "cpu.server is process " + pid + " and its descendants (/proc/PID/stat user+system time); "
            + "cpu.client the load generator's threads; cpu.other the rest of the load generator's JVM");
  }

  /** The service as the options name it, checked once: its process, its agent, one answer. */
  static TargetRig of(Map<String, String> options) {
    String file = options.get(WorkloadOptions.TARGET_REQUEST);
    TargetRequest request = TargetRequest.of(options.get(WorkloadOptions.TARGET), file == null ? null : Path.of(file),
        options.get(WorkloadOptions.TARGET_STATUS));
    String pid = options.get(WorkloadOptions.TARGET_PID);
    ProcessTreeCpu serverCpu = pid == null ? null : new ProcessTreeCpu(Path.of("/proc"), Long.parseLong(pid));
    if (serverCpu != null && serverCpu.cpuNanos().isEmpty()) {
      throw new IllegalStateException("--target-pid " + pid + ": no such process");
    }
    String agentUrl = options.get(WorkloadOptions.TARGET_AGENT);
    AgentClient agent = agentUrl == null ? null : new AgentClient(AgentClient.parse("--target-agent", agentUrl));
    AgentReading reading = agent == null ? null : agent.read();
    TargetProbe.check(request);
    return new TargetRig(request, pid, serverCpu, agent, reading);
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    if (agent != null) {
      return new CpuSplit.Meter(agent::cpuNanos, gen::cpuNanos, false);
    }
    return new CpuSplit.Meter(() -> serverCpu == null ? 0 : serverCpu.cpuNanos().orElse(0), gen::cpuNanos, false);
  }

  @Override
  public boolean measuresServerCpu() {
    return serverCpu != null || agent != null;
  }

  @Override
  public void revalidate() {
    TargetProbe.check(request);
  }

  @Override
  public void close() {
    // the service is the user's: nothing to stop
  }
}
