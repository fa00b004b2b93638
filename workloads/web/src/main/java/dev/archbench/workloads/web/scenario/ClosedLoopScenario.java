package dev.archbench.workloads.web.scenario;

import dev.archbench.record.Knee;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workloads.web.load.Concurrency;
import dev.archbench.workloads.web.load.Interval;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.Measurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
      int clientThreads = rig.clientThreads(connections);
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
      rig.generatorCpu().ifPresent(g -> {
        // On its own host the generator's whole JVM is the load generator (wait time not included here).
        double busy = (m.cpu().clientCores() + m.cpu().otherCores()) / g.cpus();
        attributes.put("generatorCpu", String.format(Locale.ROOT, "%.0f%% of its %.2f CPUs%s", 100 * busy, g.cpus(),
            busy > Knee.Step.GENERATOR_BUSY_LIMIT ? ": above half, so the throughput may be the generator's limit" : ""));
      });
      return Results.of(raw, m, attributes, rig.measuresServerCpu());
    }
  }

  /** What the load goes to: archbench's own server, here or on another host ({@code --server}). */
  LoadRig rig(Map<String, String> params, ScenarioSettings settings) throws Exception {
    return HttpRig.archbenchServer(params, settings);
  }
}
