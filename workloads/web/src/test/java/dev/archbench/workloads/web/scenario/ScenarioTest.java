package dev.archbench.workloads.web.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.workload.Scenario.ScenarioSettings;
import dev.archbench.workload.WorkloadOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenarios end to end with tiny budgets: the shape of their results, not their numbers. */
class ScenarioTest {
  private static final ScenarioSettings TINY = new ScenarioSettings(0.3, 0.5, 2, 1, Map.of());

  @Test
  void closedLoopGivesThroughputPercentilesAndCpuSplit() throws Exception {
    BenchmarkResult r = new ClosedLoopScenario().run(
        Map.of("endpoint", "orders", "tls", "none", "concurrency", "2"), TINY);
    assertThat(r.status()).isEqualTo(BenchmarkResult.OK);
    assertThat(r.unit()).isEqualTo("req/s");
    assertThat(r.higherIsBetter()).isTrue();
    assertThat(r.rawData()).hasSize(1);
    assertThat(r.rawData().get(0)).hasSize(2).allSatisfy(x -> assertThat(x).isPositive());
    assertThat(r.score()).isPositive();
    assertThat(r.percentiles()).containsOnlyKeys("50.0", "90.0", "99.0", "99.9", "100.0");
    List<Double> p = List.of(r.percentiles().get("50.0"), r.percentiles().get("90.0"),
        r.percentiles().get("99.0"), r.percentiles().get("99.9"), r.percentiles().get("100.0"));
    assertThat(p).isSorted();
    assertThat(r.secondary()).containsKeys("p99", "cpu.server", "cpu.client", "server.requestsPerCpuSecond");
    assertThat(r.attributes()).containsEntry("connections", "2").containsKey("transport")
        .containsEntry("latencyUnit", "ms");
  }

  @Test
  void closedLoopOverBoringSsl() throws Exception {
    BenchmarkResult r = new ClosedLoopScenario().run(
        Map.of("endpoint", "json", "tls", "openssl", "concurrency", "1"),
        new ScenarioSettings(0.2, 0.3, 1, 1, Map.of()));
    assertThat(r.score()).isPositive();
    assertThat(r.attributes().get("tls.server")).contains("TLSv1.3");
  }

  @Test
  void kneeSearchRecordsTheKneeAndItsSteps() throws Exception {
    // A generous target so that the knee exists even on a loaded machine.
    BenchmarkResult r = new KneeScenario().run(
        Map.of("endpoint", "json", "tls", "none", "concurrency", "4", "ladder", "0.3,0.6", "refine", "1"),
        new ScenarioSettings(0.5, 1.0, 1, 1, Map.of(WorkloadOptions.WEB_P99_TARGET_MS, "1000")));
    assertThat(r.status()).isEqualTo(BenchmarkResult.OK);
    assertThat(r.secondary()).containsKeys("knee", "saturation", "p99Target");
    assertThat(r.secondary().get("p99Target").score()).isEqualTo(1000.0);
    assertThat(r.score()).isEqualTo(r.secondary().get("knee").score());
    assertThat(r.attributes().get("steps")).contains("req/s ->");
    if (r.score() > 0) {
      assertThat(r.score()).isLessThan(r.secondary().get("saturation").score());
      assertThat(r.percentiles()).containsKey("99.0");
    } else {
      // A machine too loaded to keep up even at 30% of saturation says so instead of a number.
      assertThat(r.attributes().get("knee")).startsWith("below ");
    }
  }

  @Test
  void p99TargetComesFromTheRunOptions() {
    assertThat(KneeScenario.p99TargetMillis(new ScenarioSettings(0, 0, 1, 1, Map.of()))).isEqualTo(10.0);
    assertThat(KneeScenario.p99TargetMillis(new ScenarioSettings(0, 0, 1, 1,
        Map.of(WorkloadOptions.WEB_P99_TARGET_MS, "25")))).isEqualTo(25.0);
  }
}
