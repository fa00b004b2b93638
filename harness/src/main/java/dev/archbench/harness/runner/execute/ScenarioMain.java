package dev.archbench.harness.runner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workload.Scenario.ScenarioSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * Entry point of the JVM the runner forks for a {@link Scenario}:
 * {@code java ... ParentWatch PID ScenarioMain <request.json> <result.json>} (so that a scenario, a web
 * server or a load generator, does not outlive a killed archbench). The request names the scenario class,
 * its parameters and settings; the result file receives the returned {@link ScenarioMeasurement}, or
 * {@code {"error": "..."}} with exit code 1 when the scenario throws.
 */
public final class ScenarioMain {
  private ScenarioMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[1]);
    try {
      JsonNode req = Json.mapper().readTree(Path.of(args[0]).toFile());
      Class<?> type = Class.forName(req.get("scenarioClass").asText());
      Scenario scenario = (Scenario) type.getConstructor().newInstance();
      @SuppressWarnings("unchecked")
      Map<String, String> params = Json.mapper().treeToValue(req.get("params"), Map.class);
      ScenarioSettings settings = Json.mapper().treeToValue(req.get("settings"), ScenarioSettings.class);
      ScenarioMeasurement result = scenario.run(params, settings);
      if (result == null) {
        throw new IllegalStateException(type.getName() + ".run returned null");
      }
      RecordFiles.writeAtomically(out, Json.write(result));
    } catch (Throwable t) {
      t.printStackTrace();
      ObjectNode err = Json.mapper().createObjectNode();
      Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
          ? t.getCause() : t;
      err.put("error", Failures.firstLine(cause));
      RecordFiles.writeAtomically(out, Json.write(err));
      System.exit(1);
    }
    System.exit(0);
  }
}
