package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
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
    BenchmarkResult r = new OfflineScenario().run(params, SHORT);
    assertThat(r.status()).isEqualTo(BenchmarkResult.OK);
    assertThat(r.benchmark()).isEqualTo("offline.mlp.onnxruntime");
    assertThat(r.key()).isEqualTo(BenchmarkResult.keyOf("inference", "offline.mlp.onnxruntime", params, 2));
    assertThat(r.rawData()).hasSize(1);
    assertThat(r.rawData().get(0)).hasSize(2).allSatisfy(v -> assertThat(v).isGreaterThan(100.0));
    assertThat(r.unit()).isEqualTo("inferences/s");
  }

  @Test
  void serverFindsARateWithinTheBound() throws Exception {
    Map<String, String> params = Map.of("model", "mlp", "engine", "onnxruntime", "device", "cpu",
        "predictors", "1");
    BenchmarkResult r = new ServerScenario().run(params, SHORT);
    assertThat(r.benchmark()).isEqualTo("server.mlp.onnxruntime");
    assertThat(r.secondary()).containsKeys("p99.step1", "rate.step1");
    double firstRate = r.secondary().get("rate.step1").score();
    // The MLP takes well under a millisecond: 20% of its capacity is far within a 100 ms p99.
    assertThat(r.secondary().get("p99.step1").score()).isLessThan(100.0);
    assertThat(r.score()).isGreaterThanOrEqualTo(firstRate);
    assertThat(r.attributes()).containsEntry("latencyBoundMs", "100.0");
  }
}
