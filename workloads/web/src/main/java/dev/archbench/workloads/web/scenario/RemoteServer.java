package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.Scenario.ScenarioSettings;
import dev.archbench.workload.WorkloadOptions;

/** Whether the web load scenarios drive {@code archbench serve web} on another host ({@code --server}). */
final class RemoteServer {
  private RemoteServer() {}

  static boolean of(ScenarioSettings settings) {
    return settings.options() != null && settings.options().get(WorkloadOptions.WEB_SERVER) != null;
  }
}
