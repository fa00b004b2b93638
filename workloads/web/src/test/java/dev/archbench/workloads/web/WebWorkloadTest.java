package dev.archbench.workloads.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

class WebWorkloadTest {
  private final Workload web = ServiceLoader.load(Workload.class).stream().map(ServiceLoader.Provider::get)
      .filter(w -> w.id().equals("web")).findFirst().orElseThrow();

  @Test
  void everyBenchmarkPointsAtRealCode() throws Exception {
    for (BenchmarkSpec b : web.benchmarks(WorkloadContext.none())) {
      if (b.execution() instanceof JmhMethod jmh) {
        int dot = jmh.method().lastIndexOf('.');
        Class<?> type = Class.forName(jmh.method().substring(0, dot));
        Method m = type.getMethod(jmh.method().substring(dot + 1));
        assertThat(m.isAnnotationPresent(Benchmark.class)).as(b.name()).isTrue();
        for (ParamGrid p : ParamGrid.values()) {
          for (String param : b.paramsFor(p).keySet()) {
            Field f = type.getField(param);
            assertThat(f.isAnnotationPresent(Param.class)).as(b.name() + " @Param " + param).isTrue();
          }
        }
      } else {
        String scenario = ((ScenarioClass) b.execution()).className();
        assertThat(Scenario.class.isAssignableFrom(Class.forName(scenario))).isTrue();
      }
    }
  }

  @Test
  void smokeHasTwoConcurrencyLevelsAKneeAndTheMicrobenchmarks() {
    List<BenchmarkSpec> smoke = web.benchmarks(WorkloadContext.none()).stream().filter(b -> b.includedIn(ParamGrid.SMOKE)).toList();
    BenchmarkSpec closed = smoke.stream().filter(b -> b.name().equals("closed.http")).findFirst().orElseThrow();
    assertThat(closed.paramsFor(ParamGrid.SMOKE).get("concurrency")).hasSizeGreaterThanOrEqualTo(2);
    assertThat(smoke).anyMatch(b -> b.name().startsWith("knee."));
    assertThat(smoke).filteredOn(b -> b.execution() instanceof JmhMethod).extracting(BenchmarkSpec::name)
        .contains("jackson.serialize", "crypto.aesgcm-encrypt", "crypto.sha256", "http.decode");
  }

  @Test
  void withAServerOnAnotherHostOnlyTheLoadScenariosThatDriveItRun() {
    WorkloadContext remote = new WorkloadContext(null, java.nio.file.Path.of("."),
        java.util.Map.of(dev.archbench.workload.WorkloadOptions.WEB_SERVER, "http://10.0.1.23:8080"));
    // Anything else would run on the load host and be recorded under the server's name.
    assertThat(web.benchmarks(remote)).extracting(BenchmarkSpec::name).containsExactly("closed.http", "knee.http");
  }

  @Test
  void namesAreUniqueAndScenariosDoNotScaleWithThreads() {
    assertThat(web.benchmarks(WorkloadContext.none())).extracting(BenchmarkSpec::name).doesNotHaveDuplicates();
    assertThat(web.benchmarks(WorkloadContext.none())).filteredOn(b -> b.execution() instanceof ScenarioClass)
        .allSatisfy(b -> assertThat(b.scalesWithThreads()).isFalse());
  }
}
