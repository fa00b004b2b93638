package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workload.Scenario.ScenarioSettings;
import dev.archbench.workloads.inference.bench.OfflineScenario;
import dev.archbench.workloads.inference.bench.ServerScenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios run for real on the MLP with a tiny time budget. */
class ScenariosTest {
  static final ScenarioSettings SHORT = new ScenarioSettings(0.2, 0.4, 2, 2, Map.of());

  @Test
  void offlineCountsSamplesPerSecondAcrossPredictors() throws Exception {
    Map<String, String> params = Map.of("model", "mlp", "engine", "onnxruntime", "device", "cpu",
        "batch", "8", "predictors", "2");
    ScenarioMeasurement r = new OfflineScenario().run(params, SHORT);
    assertThat(r.rawData()).hasSize(1);
    assertThat(r.rawData().get(0)).hasSize(2).allSatisfy(v -> assertThat(v).isGreaterThan(100.0));
    assertThat(r.knee()).isNull();
  }

  @Test
  void serverFindsARateWithinTheBound() throws Exception {
    Map<String, String> params = Map.of("model", "mlp", "engine", "onnxruntime", "device", "cpu",
        "predictors", "1");
    ScenarioMeasurement r = new ServerScenario().run(params, SHORT);
    Knee k = r.knee();
    assertThat(k.boundMs()).isEqualTo(ServerScenario.DEFAULT_BOUND_MS);
    assertThat(k.percentile()).isEqualTo(Percentile.P99);
    assertThat(k.unit()).isEqualTo("req/s");
    // The MLP takes well under a millisecond: 20% of its capacity is far within a 100 ms p99.
    assertThat(k.found()).isIn(Knee.Found.BRACKETED, Knee.Found.LOWER_BOUND);
    assertThat(r.rawData()).containsExactly(k.rates());
    assertThat(r.latency().percentilesMs().get(Percentile.P99)).isLessThanOrEqualTo(k.boundMs());
    assertThat(r.attributes().get("steps")).contains("req/s -> p99");
  }
}
