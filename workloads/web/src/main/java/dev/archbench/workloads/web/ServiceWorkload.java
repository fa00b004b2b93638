package dev.archbench.workloads.web;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.UnsatisfiableRequest;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.scenario.TargetClosedLoopScenario;
import dev.archbench.workloads.web.scenario.TargetKneeScenario;
import dev.archbench.workloads.web.userservice.ProcessTreeCpu;
import dev.archbench.workloads.web.userservice.TargetProbe;
import dev.archbench.workloads.web.userservice.TargetRequest;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The user's own HTTP service ({@code --target URL}) under archbench's load generator: the closed-loop
 * series at concurrency levels relative to vCPUs and the open-loop knee search at
 * {@code --p99-target-ms}, as for the built-in web tier, with the request the user describes and
 * every answer checked for the expected status. Without {@code --target} it has no benchmarks.
 *
 * <p>Before anything runs the service must answer the request with the expected status; an
 * unreachable URL, another status, a malformed request file or a {@code --target-pid} that is not a
 * process stop the run with one line (exit 1).
 */
public final class ServiceWorkload implements Workload {
  public static final String ID = "service";
  private static final List<String> SCENARIO_JVM = List.of("-Xms1g", "-Xmx1g",
      "-Dio.netty.leakDetection.level=disabled");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String summary() {
    return "your HTTP service (--target URL): closed-loop series and knee under archbench's load generator";
  }

  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    if (ctx.option(WorkloadOptions.TARGET).isEmpty()) {
      return List.of();
    }
    Function<WorkloadContext, Optional<String>> check = ServiceWorkload::check;
    Map<ParamGrid, Map<String, List<String>>> closed = new LinkedHashMap<>();
    closed.put(ParamGrid.SMOKE, Map.of("concurrency", List.of("1", "4x")));
    closed.put(ParamGrid.REPRESENTATIVE, Map.of("concurrency", List.of("1", "1x", "4x")));
    closed.put(ParamGrid.FULL, Map.of("concurrency", List.of("1", "0.5x", "1x", "2x", "4x")));
    Map<ParamGrid, Map<String, List<String>>> knee = new LinkedHashMap<>();
    knee.put(ParamGrid.SMOKE, Map.of("ladder", List.of("0.1,0.25,0.5,0.75,1.0"), "refine", List.of("0")));
    knee.put(ParamGrid.REPRESENTATIVE, Map.of("ladder", List.of("0.2,0.4,0.6,0.7,0.8,0.9,1.0"), "refine", List.of("1")));
    knee.put(ParamGrid.FULL, Map.of("ladder", List.of("0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1.0"), "refine", List.of("3")));
    return List.of(
        new BenchmarkSpec("closed", "Closed-loop keep-alive load on your service, at concurrency levels relative to vCPUs",
            "answered requests per second, every answer with the expected status; percentiles are latency in ms",
            "req/s", true, new ScenarioClass(TargetClosedLoopScenario.class.getName()), closed, false, SCENARIO_JVM,
            check),
        new BenchmarkSpec("knee", "Open-loop knee search on your service: highest constant rate with p99 under the target",
            "the knee: highest offered rate (req/s) with corrected p99 <= --p99-target-ms (default 10)",
            "req/s", true, ScenarioClass.kneeSearch(TargetKneeScenario.class.getName()), knee, false, SCENARIO_JVM, check));
  }

  /** The service answers as asked, now, from this process; else the run stops before anything runs. */
  private static Optional<String> check(WorkloadContext ctx) {
    try {
      String file = ctx.option(WorkloadOptions.TARGET_REQUEST).orElse(null);
      TargetRequest request = TargetRequest.of(ctx.option(WorkloadOptions.TARGET).orElseThrow(),
          file == null ? null : Path.of(file), ctx.option(WorkloadOptions.TARGET_STATUS).orElse(null));
      Optional<String> pid = ctx.option(WorkloadOptions.TARGET_PID);
      if (pid.isPresent() && new ProcessTreeCpu(Path.of("/proc"), parsePid(pid.get())).cpuNanos().isEmpty()) {
        throw new IllegalArgumentException("--target-pid " + pid.get() + ": no such process on this host");
      }
      Optional<String> agent = ctx.option(WorkloadOptions.TARGET_AGENT);
      if (agent.isPresent()) {
        new AgentClient(AgentClient.parse("--target-agent", agent.get())).read();
      }
      TargetProbe.check(request);
      return Optional.empty();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new UnsatisfiableRequest(e.getMessage());
    }
  }

  private static long parsePid(String pid) {
    try {
      return Long.parseLong(pid.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--target-pid: '" + pid + "' is not a process id");
    }
  }
}
