package dev.archbench.harness.runner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.BenchmarkResult.Metric;
import dev.archbench.record.Json;
import dev.archbench.record.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The facts benchmark code reported with {@link dev.archbench.workload.ResultNotes} (one JSON object
 * per line): attributes (the last value of a name wins), metrics (every value kept, the mean is
 * the score) and the subject (the last one wins). Lines that are not notes are ignored: a crashed fork may leave half a line.
 */
public record Notes(Map<String, String> attributes, Map<String, Metric> metrics, Subject subject) {

  public static final Notes NONE = new Notes(Map.of(), Map.of(), null);

  public static Notes parse(String text) {
    Map<String, String> attributes = new TreeMap<>();
    Map<String, List<Double>> values = new TreeMap<>();
    Map<String, JsonNode> firstOf = new TreeMap<>();
    Subject subject = null;
    for (String line : text.split("\n")) {
      JsonNode n;
      try {
        n = line.isBlank() ? null : Json.mapper().readTree(line);
      } catch (java.io.IOException e) {
        n = null;
      }
      if (n == null || !n.hasNonNull("name") || !n.hasNonNull("kind")) {
        continue;
      }
      String name = n.get("name").asText();
      if (n.get("kind").asText().equals("subject") && n.path("value").isObject()) {
        try {
          subject = Json.mapper().treeToValue(n.get("value"), Subject.class);
        } catch (java.io.IOException e) {
          subject = null;
        }
      } else if (n.get("kind").asText().equals("attribute") && n.hasNonNull("value")) {
        attributes.put(name, n.get("value").asText());
      } else if (n.get("kind").asText().equals("metric") && n.path("value").isNumber()
          && Double.isFinite(n.get("value").asDouble())) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(n.get("value").asDouble());
        firstOf.putIfAbsent(name, n);
      }
    }
    Map<String, Metric> metrics = new TreeMap<>();
    values.forEach((name, vs) -> {
      JsonNode first = firstOf.get(name);
      double mean = vs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      metrics.put(name, new Metric(first.path("unit").asText(null),
          first.path("higherIsBetter").asBoolean(true), mean, List.of(List.copyOf(vs))));
    });
    return new Notes(attributes, metrics, subject);
  }
}
