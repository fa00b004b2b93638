package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.userservice.ProcessTreeCpu;
import dev.archbench.workloads.web.userservice.TargetProbe;
import dev.archbench.workloads.web.userservice.TargetRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user's service ({@code --target}) as a load scenario's rig: the request from the options, every
 * answer checked for the expected status (the body is the service's business), and, with
 * {@code --target-pid}, the CPU time of the service's process tree from {@code /proc}.
 */
final class TargetRig implements LoadRig {
  private final TargetRequest request;
  private final LoadTarget target;
  private final ProcessTreeCpu serverCpu;
  private final Map<String, String> attributes = new LinkedHashMap<>();

  TargetRig(Map<String, String> options) {
    String file = options.get(WorkloadOptions.TARGET_REQUEST);
    request = TargetRequest.of(options.get(WorkloadOptions.TARGET), file == null ? null : Path.of(file),
        options.get(WorkloadOptions.TARGET_STATUS));
    target = TargetProbe.loadTarget(request);
    String pid = options.get(WorkloadOptions.TARGET_PID);
    serverCpu = pid == null ? null : new ProcessTreeCpu(Path.of("/proc"), Long.parseLong(pid));
    if (serverCpu != null && serverCpu.cpuNanos().isEmpty()) {
      throw new IllegalStateException("--target-pid " + pid + ": no such process");
    }
    TargetProbe.check(request);
    attributes.put("target", request.url().toString());
    attributes.put("request", request.describe() + (request.body().length > 0 ? " (" + request.body().length
        + " bytes of body)" : ""));
    attributes.put("expectedStatus", Integer.toString(request.expectedStatus()));
    attributes.put("vcpus", Integer.toString(vcpus()));
    attributes.put("cpuSplit", serverCpu == null
        ? "not measured: give --target-pid for the service's CPU time per request"
        : "cpu.server is process " + pid + " and its descendants (/proc/PID/stat user+system time); "
            + "cpu.client the load generator's threads; cpu.other the rest of the load generator's JVM");
  }

  @Override
  public LoadTarget target() {
    return target;
  }

  @Override
  public Exchange exchange() {
    return new Exchange(request.bytes(), request.expectedStatus(), null);
  }

  @Override
  public String what() {
    return request.describe();
  }

  @Override
  public int vcpus() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    return new CpuSplit.Meter(() -> serverCpu == null ? 0 : serverCpu.cpuNanos().orElse(0), gen::cpuNanos, false);
  }

  @Override
  public boolean measuresServerCpu() {
    return serverCpu != null;
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
