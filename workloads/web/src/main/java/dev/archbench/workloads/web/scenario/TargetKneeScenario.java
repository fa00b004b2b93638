package dev.archbench.workloads.web.scenario;

import java.util.Map;

/** The open-loop knee search of {@link KneeScenario} at {@code --p99-target-ms}, against the user's service. */
public final class TargetKneeScenario extends KneeScenario {
  @Override
  LoadRig rig(Map<String, String> params, ScenarioSettings settings) {
    return TargetRig.of(settings.options());
  }
}
