package dev.archbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads a version-1 record as version 2. Version 1 kept loosely named quantities; this is the one
 * place that knows how its producers spelled them:
 * <ul>
 *   <li>{@code percentiles} (keys like {@code "99.0"}, values in the result's unit for JMH sample
 *       mode, in ms for load tests) become {@code latency.percentilesMs}, without histograms;
 *   <li>the web knee's secondary metrics {@code knee} and {@code p99Target} become {@code knee};
 *       the inference server scenario (score = highest rate under attribute {@code latencyBoundMs})
 *       too, with {@code found} unknown (version 1 did not record it);
 *   <li>{@code cpu.server}, {@code cpu.client}, {@code cpu.other} and
 *       {@code server.requestsPerCpuSecond} become {@code cpu};
 *   <li>attributes {@code model}/{@code model.sha256} and {@code corpus}/{@code corpusSha256} become
 *       {@code subject};
 *   <li>JMH's {@code scoreError} and 99.9% {@code confidence} are dropped: reports compute their
 *       own interval from the raw data.
 * </ul>
 */
final class RecordUpgrade {
  private RecordUpgrade() {}

  static ObjectNode fromVersion1(ObjectNode record) {
    ObjectNode out = record.deepCopy();
    out.put("schemaVersion", 2);
    JsonNode results = out.get("results");
    if (results instanceof ArrayNode arr) {
      for (JsonNode r : arr) {
        upgradeResult((ObjectNode) r);
      }
    }
    return out;
  }

  private static void upgradeResult(ObjectNode r) {
    r.remove("scoreError");
    r.remove("confidence");
    ObjectNode secondary = r.get("secondary") instanceof ObjectNode s ? s : null;
    ObjectNode attributes = r.get("attributes") instanceof ObjectNode a ? a : null;
    if (secondary != null) {
      secondary.forEach(m -> {
        if (m instanceof ObjectNode mo) {
          mo.remove("scoreError");
        }
      });
    }
    latency(r);
    knee(r, secondary, attributes);
    cpu(r, secondary);
    subject(r, attributes);
  }

  private static void latency(ObjectNode r) {
    JsonNode p = r.remove("percentiles");
    if (!(p instanceof ObjectNode po) || po.isEmpty()) {
      return;
    }
    double toMs = "scenario".equals(r.path("mode").asText()) ? 1 : millisPer(r.path("unit").asText(""));
    ObjectNode summary = r.objectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = po.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        summary.put(Percentile.parse(e.getKey()).key(), e.getValue().asDouble() * toMs);
      } catch (IllegalArgumentException ignored) {
        // a key that is not a percentile was never read by anyone
      }
    }
    ObjectNode l = r.putObject("latency");
    l.put("histogramUnit", Latency.NANOSECONDS);
    l.putArray("histograms");
    l.set("percentilesMs", summary);
  }

  /** Milliseconds per unit of a time-per-operation unit ({@code us/op} is 0.001); 1 when unknown. */
  static double millisPer(String unit) {
    return TimeUnits.secondsPerOperation(unit).orElse(1e-3) * 1e3;
  }

  private static void knee(ObjectNode r, ObjectNode secondary, ObjectNode attributes) {
    Double rate = null;
    Double bound = null;
    String unit = r.path("unit").asText("req/s");
    if (secondary != null && secondary.path("knee").path("score").isNumber()) {
      rate = secondary.get("knee").get("score").asDouble();
      unit = secondary.get("knee").path("unit").asText(unit);
      JsonNode t = secondary.path("p99Target").path("score");
      bound = t.isNumber() ? t.asDouble() : null;
      secondary.remove("knee");
      secondary.remove("p99Target");
    } else if (r.path("benchmark").asText().startsWith("server.") && attributes != null
        && attributes.hasNonNull("latencyBoundMs") && r.path("score").isNumber()) {
      rate = r.get("score").asDouble();
      try {
        bound = Double.parseDouble(attributes.get("latencyBoundMs").asText());
      } catch (NumberFormatException e) {
        bound = null;
      }
    }
    if (rate == null || bound == null || !(rate > 0) || !(bound > 0)) {
      return;
    }
    ObjectNode k = r.putObject("knee");
    k.putArray("rates").add(rate);
    k.put("unit", unit);
    k.put("percentile", Percentile.P99.key());
    k.put("boundMs", bound);
    k.put("found", Knee.Found.UNKNOWN.id());
    k.putNull("highestRateTried");
  }

  private static void cpu(ObjectNode r, ObjectNode secondary) {
    if (secondary == null || !secondary.has("cpu.server")) {
      return;
    }
    ObjectNode c = r.putObject("cpu");
    c.put("serverCores", secondary.path("cpu.server").path("score").asDouble(0));
    c.put("clientCores", secondary.path("cpu.client").path("score").asDouble(0));
    c.put("otherCores", secondary.path("cpu.other").path("score").asDouble(0));
    JsonNode rps = secondary.path("server.requestsPerCpuSecond").path("score");
    if (rps.isNumber()) {
      c.put("serverRequestsPerCpuSecond", rps.asDouble());
    } else {
      c.putNull("serverRequestsPerCpuSecond");
    }
    for (String n : new String[] {"cpu.server", "cpu.client", "cpu.other", "server.requestsPerCpuSecond"}) {
      secondary.remove(n);
    }
  }

  private static void subject(ObjectNode r, ObjectNode attributes) {
    if (attributes == null) {
      return;
    }
    String kind;
    String name;
    String sha;
    String origin;
    if (attributes.hasNonNull("model")) {
      kind = "model";
      name = attributes.get("model").asText();
      sha = attributes.path("model.sha256").asText(null);
      origin = attributes.path("model.source").asText(null);
    } else if (attributes.hasNonNull("corpus")) {
      kind = "corpus";
      name = attributes.get("corpus").asText();
      sha = attributes.path("corpusSha256").asText(null);
      origin = attributes.path("corpusOrigin").asText(null);
    } else {
      return;
    }
    ObjectNode s = r.putObject("subject");
    s.put("kind", kind);
    s.put("name", name);
    if (sha != null && sha.matches("[0-9a-f]{64}")) {
      s.put("sha256", sha);
    } else {
      s.putNull("sha256");
    }
    s.put("origin", origin);
  }
}
