package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workloads.web.load.Concurrency;
import dev.archbench.workloads.web.load.Interval;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Closed-loop load: {@code concurrency} keep-alive connections, each sending its next request as soon
 * as the previous answer arrived. The warm-up is measured as steps of the iteration length, so the
 * harness classifies the whole series (where it became steady, by the rule every fork follows).
 * Score: answered requests per second (mean of the steady iterations); latency: the histogram of
 * every answer of every measured iteration. Every answer is checked against the validated body;
 * any wrong answer fails the run.
 *
 * <p>Params: {@code endpoint} (plaintext, json, orders, orders-gzip), {@code tls} (none, jdk,
 * openssl), {@code concurrency} (N or Fx vCPUs).
 */
public class ClosedLoopScenario implements Scenario {

  @Override
  public ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) throws Exception {
    try (LoadRig rig = rig(params, settings)) {
      int connections = Concurrency.connections(params.getOrDefault("concurrency", "1x"), rig.vcpus());
      int clientThreads = Concurrency.clientThreads(connections, rig.vcpus());
      Measurement m;
      try (LoadGenerator gen = LoadGenerator.closedLoop(rig.target(), rig.exchange(), clientThreads, connections)) {
        m = Measurement.series(gen, rig.meter(gen), settings.warmupSteps(), settings.measureSeconds(),
            Math.max(1, settings.iterations())).requireNoErrors(gen, rig.what());
      }
      rig.revalidate();
      List<Double> raw = m.iterations().stream().map(Interval::throughput).toList();
      Map<String, String> attributes = new LinkedHashMap<>(rig.attributes());
      attributes.put("connections", Integer.toString(connections));
      attributes.put("clientThreads", Integer.toString(clientThreads));
      attributes.put("requests", Long.toString(m.completed()));
      return Results.of(raw, m, attributes, rig.measuresServerCpu());
    }
  }

  /** What the load goes to: archbench's own server here. */
  LoadRig rig(Map<String, String> params, ScenarioSettings settings) throws Exception {
    return new WebRig(params, settings.threads());
  }
}
