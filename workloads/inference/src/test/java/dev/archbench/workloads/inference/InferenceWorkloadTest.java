package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import dev.archbench.workloads.inference.device.DeviceSelection.RequiredDeviceMissing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class InferenceWorkloadTest {

  static Workload workload() {
    return ServiceLoader.load(Workload.class).stream().map(ServiceLoader.Provider::get)
        .filter(w -> w.id().equals("inference")).findFirst().orElseThrow();
  }

  @Test
  void smokeRunsEveryModelOnBothEnginesAtBatchOne() {
    List<BenchmarkSpec> smoke = workload().benchmarks(WorkloadContext.none()).stream().filter(b -> b.includedIn(ParamGrid.SMOKE))
        .filter(b -> b.name().startsWith("singlestream.") && !b.name().contains("-") && !b.name().endsWith("user"))
        .toList();
    Set<String> names = smoke.stream().map(BenchmarkSpec::name).collect(Collectors.toSet());
    for (String m : List.of("resnet50", "mobilenetv2", "mlp", "minilm")) {
      assertThat(names).contains("singlestream." + m + ".onnxruntime", "singlestream." + m + ".pytorch");
    }
    smoke.forEach(b -> assertThat(b.paramsFor(ParamGrid.SMOKE).get("batch")).containsExactly("1"));
    BenchmarkSpec resnet = workload().benchmarks(WorkloadContext.none()).stream()
        .filter(b -> b.name().equals("singlestream.resnet50.onnxruntime")).findFirst().orElseThrow();
    assertThat(resnet.paramsFor(ParamGrid.FULL)).containsEntry("fpmath", List.of("default", "bf16"))
        .containsEntry("threadWait", List.of("spin", "passive"));
    assertThat(resnet.paramsFor(ParamGrid.REPRESENTATIVE)).doesNotContainKeys("fpmath", "threadWait");
  }

  @Test
  void namesAreUniqueAndMethodsExist() throws Exception {
    List<BenchmarkSpec> all = workload().benchmarks(WorkloadContext.none());
    assertThat(all.stream().map(BenchmarkSpec::name).distinct().count()).isEqualTo(all.size());
    for (BenchmarkSpec b : all) {
      if (b.execution() instanceof JmhMethod jmh) {
        int dot = jmh.method().lastIndexOf('.');
        Class.forName(jmh.method().substring(0, dot)).getMethod(jmh.method().substring(dot + 1));
      } else {
        assertThat(Class.forName(((ScenarioClass) b.execution()).className()).getConstructor().newInstance())
            .isInstanceOf(dev.archbench.workload.Scenario.class);
      }
      assertThat(b.jvmArgs()).contains("-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true");
    }
  }

  @Test
  void neuronSpecsSkipOnAutoAndFailOnExplicitDevice() {
    BenchmarkSpec neuron = workload().benchmarks(WorkloadContext.none()).stream()
        .filter(b -> b.name().equals("singlestream.resnet50.pytorch-neuron")).findFirst().orElseThrow();
    WorkloadContext auto = new WorkloadContext(DeviceConfigurationTest.PLAIN, Path.of("/nonexistent"), Map.of());
    assertThat(neuron.unavailableReason(auto)).contains("no Neuron device (/dev/neuron* absent)");
    WorkloadContext explicit = new WorkloadContext(DeviceConfigurationTest.PLAIN, Path.of("/nonexistent"),
        Map.of("device", "neuron"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> neuron.unavailableReason(explicit))
        .isInstanceOf(RequiredDeviceMissing.class);
  }
}
