package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.record.Host;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.device.DeviceSelection;
import dev.archbench.workloads.inference.device.DeviceSelection.RequiredDeviceMissing;
import dev.archbench.workloads.inference.device.NeuronDevices;
import dev.archbench.workloads.inference.device.NeuronEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceConfigurationTest {

  static Host host(List<Host.Accelerator> accelerators) {
    return new Host("x86_64", null, null, null, null, null, null, null, null, accelerators, Map.of());
  }

  static final Host PLAIN = host(List.of());
  static final Host INF2 = host(List.of(new Host.Accelerator("neuron", "Inferentia2", 1, null, "2.19")));

  @Test
  void autoSkipsAbsentNeuronWithTheReason() {
    DeviceSelection auto = DeviceSelection.of(Optional.empty());
    assertThat(auto.unavailableReason(DeviceKind.NEURON, PLAIN)).contains("no Neuron device (/dev/neuron* absent)");
    assertThat(auto.unavailableReason(DeviceKind.GPU, PLAIN)).contains(DeviceSelection.NO_GPU);
    assertThat(auto.unavailableReason(DeviceKind.CPU, PLAIN)).isEmpty();
    assertThat(auto.unavailableReason(DeviceKind.NEURON, INF2)).isEmpty();
  }

  @Test
  void explicitNeuronWithoutDeviceIsFatal() {
    DeviceSelection neuron = DeviceSelection.of(Optional.of("neuron"));
    assertThatThrownBy(() -> neuron.unavailableReason(DeviceKind.NEURON, PLAIN))
        .isInstanceOf(RequiredDeviceMissing.class).hasMessage("no Neuron device (/dev/neuron* absent)");
    assertThat(neuron.unavailableReason(DeviceKind.CPU, PLAIN)).contains("not selected (--device neuron)");
    assertThat(neuron.unavailableReason(DeviceKind.NEURON, INF2)).isEmpty();
    assertThatThrownBy(() -> DeviceSelection.of(Optional.of("tpu")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu, gpu, neuron or auto");
  }

  @Test
  void discoversNeuronDevicesAndCoresFromDevAndSysfs(@TempDir Path root) throws IOException {
    assertThat(NeuronDevices.discover(root).present()).isFalse();
    Files.createDirectories(root.resolve("dev"));
    for (String n : List.of("neuron0", "neuron1", "null", "neuron10")) {
      Files.createFile(root.resolve("dev").resolve(n));
    }
    Path sys = Files.createDirectories(root.resolve("sys/devices/virtual/neuron_device/neuron0"));
    Files.writeString(sys.resolve("core_count"), "8\n");
    NeuronDevices d = NeuronDevices.discover(root);
    assertThat(d.devices()).containsExactly("neuron0", "neuron1", "neuron10");
    assertThat(d.cores()).isEqualTo(8 + 2 + 2);
  }

  @Test
  void findsTheNewestNeuronxVenvAndAssemblesDjlEnvironment(@TempDir Path root) throws IOException {
    assertThat(NeuronEnvironment.findVenv(root, Optional.empty())).isEmpty();
    venv(root.resolve("opt/aws_neuron_venv_pytorch"), "2.1.2");
    Path newer = venv(root.resolve("opt/aws_neuronx_venv_pytorch_2_7"), "2.7.1+cpu");
    venv(root.resolve("opt/aws_neuronx_venv_pytorch_2_5"), "2.5.1");
    Files.createDirectories(root.resolve("opt/unrelated"));
    assertThat(NeuronEnvironment.findVenv(root, Optional.empty())).contains(newer);
    assertThat(NeuronEnvironment.findVenv(root, Optional.of("/x/venv"))).contains(Path.of("/x/venv"));

    NeuronEnvironment env = NeuronEnvironment.inspect(newer);
    Path site = newer.resolve("lib/python3.10/site-packages");
    assertThat(env.torchVersion()).isEqualTo("2.7.1");
    assertThat(env.djlProperties()).containsExactly(
        Map.entry("PYTORCH_LIBRARY_PATH", site.resolve("torch/lib").toString()),
        Map.entry("PYTORCH_EXTRA_LIBRARY_PATH", site.resolve("torch_neuronx/lib/libtorchneuron.so").toString()),
        Map.entry("PYTORCH_FLAVOR", "cpu"),
        Map.entry("PYTORCH_VERSION", "2.7.1"));
    assertThat(env.python()).isEqualTo(newer.resolve("bin/python3"));
  }

  @Test
  void venvWithoutTorchNeuronxIsExplained(@TempDir Path root) throws IOException {
    Path v = venv(root.resolve("opt/aws_neuronx_venv_pytorch"), "2.7.1");
    Files.delete(v.resolve("lib/python3.10/site-packages/torch_neuronx/lib/libtorchneuron.so"));
    assertThatThrownBy(() -> NeuronEnvironment.inspect(v)).hasMessageContaining("no torch_neuronx in");
  }

  @Test
  void assignsDisjointNeuronCoresPerPredictor() {
    assertThat(NeuronEnvironment.assignCores(2, 2)).containsExactly("0", "1");
    assertThat(NeuronEnvironment.assignCores(8, 4)).containsExactly("0-1", "2-3", "4-5", "6-7");
    assertThat(NeuronEnvironment.assignCores(4, 1)).containsExactly("0-3");
    assertThat(NeuronEnvironment.assignCores(5, 2)).containsExactly("0-1", "2-3");
    assertThatThrownBy(() -> NeuronEnvironment.assignCores(2, 3)).hasMessageContaining("only 2 NeuronCores");
  }

  static Path venv(Path dir, String torchVersion) throws IOException {
    Path site = Files.createDirectories(dir.resolve("lib/python3.10/site-packages"));
    Files.createDirectories(site.resolve("torch/lib"));
    Files.createFile(site.resolve("torch/lib/libtorch.so"));
    Files.createDirectories(site.resolve("torch_neuronx/lib"));
    Files.createFile(site.resolve("torch_neuronx/lib/libtorchneuron.so"));
    Files.createDirectories(site.resolve("torch-" + torchVersion + ".dist-info"));
    return dir;
  }
}
