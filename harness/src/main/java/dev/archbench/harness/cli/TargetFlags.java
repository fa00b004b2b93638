package dev.archbench.harness.cli;

import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.ServiceWorkload;
import dev.archbench.workloads.web.agent.AgentClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code archbench run}'s options for a service under load: the user's ({@code --target ...}) or
 * archbench's web server on another host ({@code --server}). A mixin: they appear where it is declared.
 */
final class TargetFlags {
  @Option(names = "--target", paramLabel = "URL",
      description = "Your HTTP service (http://HOST:PORT/PATH): the closed-loop series and the knee under archbench's"
          + " load generator, as workload 'service'.")
  String target;

  @Option(names = "--target-request", paramLabel = "FILE",
      description = "With --target: the request to send, an HTTP message (METHOD [PATH], headers, blank line,"
          + " body or '< FILE'); default GET of the URL.")
  String targetRequest;

  @Option(names = "--target-status", paramLabel = "CODE",
      description = "With --target: the status every answer must have (default 200).")
  String targetStatus;

  @Option(names = "--target-pid", paramLabel = "PID",
      description = "With --target: the service's process; its CPU time and its children's (from /proc) go into"
          + " the record as requests per CPU-second.")
  String targetPid;

  @Option(names = "--target-agent", paramLabel = "URL",
      description = "With --target, the service on another host: 'archbench agent' beside it (http://HOST:PORT)."
          + " The record is the service's host (fingerprint, price), its CPU per request comes from the agent,"
          + " and knee steps where this load generator was too busy are marked.")
  String targetAgent;

  @Option(names = "--server", paramLabel = "URL",
      description = "web: 'archbench serve web' on another host (http://HOST:PORT): the closed-loop series and the"
          + " knee across the network. The record is the server's host (fingerprint, price, CPU per request"
          + " from its agent), this host is recorded as the load host, and knee steps where it was too busy"
          + " are marked.")
  String server;

  /** Options about the user's service need {@code --target}. */
  void checkTarget() {
    if (target == null && (targetRequest != null || targetStatus != null || targetPid != null)) {
      throw new UserException("--target-request, --target-status and --target-pid need --target", ExitCodes.USAGE);
    }
  }

  /**
   * A two-host run's record speaks for the server's host, so only the load scenarios that drive
   * that server may run in it: everything else would measure this host under the server's name.
   * Returns the workloads to run: {@code workloads}, or the one a two-host run allows when none were given.
   */
  List<String> checkTwoHosts(List<String> workloads, List<String> variants, Path jmhJar) {
    if (targetAgent != null && target == null) {
      throw new UserException("--target-agent needs --target", ExitCodes.USAGE);
    }
    if (targetAgent != null && targetPid != null) {
      throw new UserException("--target-pid reads a process on this host; with --target-agent the agent reads the"
          + " service's CPU on its own host (archbench agent --pid PID there)", ExitCodes.USAGE);
    }
    if (server != null && target != null) {
      throw new UserException("--server and --target drive one server each; run them separately", ExitCodes.USAGE);
    }
    String only = server != null ? "web" : targetAgent != null ? ServiceWorkload.ID : null;
    if (only == null) {
      return workloads;
    }
    if (!variants.isEmpty()) {
      throw new UserException("--variant compares builds or JVM settings on this host; a run with "
          + (server != null ? "--server" : "--target-agent") + " is recorded as the server's host", ExitCodes.USAGE);
    }
    if (jmhJar != null) {
      throw new UserException("--jmh-jar runs on this host; a run with " + (server != null ? "--server" : "--target-agent")
          + " is recorded as the server's host", ExitCodes.USAGE);
    }
    List<String> selected = workloads;
    if (workloads.isEmpty()) {
      selected = new ArrayList<>(List.of(only));
    } else if (!workloads.equals(List.of(only))) {
      throw new UserException((server != null ? "--server" : "--target-agent") + " runs workload '" + only
          + "' alone: the record is the server's host, and other workloads would measure this one",
          ExitCodes.USAGE);
    }
    try {
      AgentClient.parse(server != null ? "--server" : "--target-agent",
          server != null ? server : targetAgent);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
    return selected;
  }

  /** These options by {@link WorkloadOptions} name. */
  void addTo(Map<String, String> m) {
    WorkloadFlags.put(m, WorkloadOptions.TARGET, target);
    WorkloadFlags.put(m, WorkloadOptions.TARGET_REQUEST,
        targetRequest == null ? null : Path.of(targetRequest).toAbsolutePath().toString());
    WorkloadFlags.put(m, WorkloadOptions.TARGET_STATUS, targetStatus);
    WorkloadFlags.put(m, WorkloadOptions.TARGET_PID, targetPid);
    WorkloadFlags.put(m, WorkloadOptions.TARGET_AGENT, targetAgent);
    WorkloadFlags.put(m, WorkloadOptions.WEB_SERVER, server);
  }
}
