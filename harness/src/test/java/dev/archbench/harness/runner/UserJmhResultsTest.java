package dev.archbench.harness.runner;

import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.userjmh.UserJmhResults;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.Percentile;
import dev.archbench.record.Status;
import dev.archbench.record.Subject;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.UserJmhMethod;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JMH's JSON result format, as JMH 1.21 and 1.37 really wrote it for jmh-samples, into a record result. */
class UserJmhResultsTest {
  private static final Subject JAR = new Subject(Subject.Kind.JAR, "benchmarks.jar", "0".repeat(64), "/x/benchmarks.jar");

  @Test
  void throughputOfJmh121KeepsEveryIterationAndJmhsUnit() throws Exception {
    PlanItem item = item("org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere", Map.of());
    BenchmarkResult r = UserJmhResults.convert(item, entry("result-1.21-thrpt.json"), JAR, 1, "a", "b");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.mode()).isEqualTo("thrpt");
    assertThat(r.unit()).isEqualTo("ops/s");
    assertThat(r.higherIsBetter()).isTrue();
    assertThat(r.rawData()).hasSize(1);
    assertThat(r.rawData().get(0)).hasSize(2);
    assertThat(r.score()).isEqualTo(BenchmarkResult.meanOfForkMeans(r.rawData()), org.assertj.core.data.Offset.offset(1.0));
    assertThat(r.latency()).isNull();
    assertThat(r.subject()).isEqualTo(JAR);
    assertThat(r.attributes()).containsEntry("jmhVersion", "1.21");
    assertThat(r.key()).isEqualTo("benchmarks/org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere@1");
  }

  @Test
  void sampleModeOfJmh137BecomesHistogramsPerForkAndATimePerOperation() throws Exception {
    PlanItem item = item("org.openjdk.jmh.samples.JMHSample_27_Params.bench", Map.of("arg", "1", "certainty", "0"));
    BenchmarkResult r = UserJmhResults.convert(item, entry("result-1.37-sample.json"), JAR, 1, "a", "b");
    assertThat(r.status()).isEqualTo(Status.OK);
    assertThat(r.mode()).isEqualTo("sample");
    assertThat(r.unit()).isEqualTo("ns/op");
    assertThat(r.higherIsBetter()).isFalse();
    assertThat(r.forks()).isEqualTo(2);
    assertThat(r.rawData()).allSatisfy(fork -> assertThat(fork).hasSize(2).allMatch(v -> v > 0));
    assertThat(r.latency().histograms()).hasSize(2);
    // JMH's own derived percentiles are not kept: the histograms hold them.
    assertThat(r.secondary()).isEmpty();
    double p50 = r.latency().percentilesMs().get(Percentile.parse("p50"));
    assertThat(p50).isBetween(1e-6, 1.0);
    assertThat(r.params()).containsEntry("arg", "1");
  }

  private static PlanItem item(String name, Map<String, String> params) {
    BenchmarkSpec spec = new BenchmarkSpec(name, "s", "m", "", true,
        new UserJmhMethod("/x/benchmarks.jar", List.of(), name, null, 0), Map.of(ParamGrid.REPRESENTATIVE, Map.of()), true,
        List.of(), null);
    return new PlanItem("benchmarks", spec, params, Map.of(), 1, null, 1, null);
  }

  private static JsonNode entry(String fixture) throws Exception {
    try (InputStream in = UserJmhResultsTest.class.getResourceAsStream("/userjmh/" + fixture)) {
      return Json.mapper().readTree(in).get(0);
    }
  }
}
