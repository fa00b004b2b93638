package dev.archbench.workloads.web.scenario;

import java.util.Map;

/** The closed-loop series of {@link ClosedLoopScenario}, against the user's service ({@code --target}). */
public final class TargetClosedLoopScenario extends ClosedLoopScenario {
  @Override
  LoadRig rig(Map<String, String> params, ScenarioSettings settings) {
    return TargetRig.of(settings.options());
  }
}
