package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.inference.device.DjlTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An AMI's libtorch is used only when its version is the one DJL's bundled JNI drives; else a clear skip. */
class DjlTorchTest {
  @Test
  void bundledJniNamesItsLibtorchVersion() {
    assertThat(DjlTorch.version()).contains("2.7.1");
  }

  @Test
  void localVersionPartIsIgnoredAndOtherVersionsAreExplained() {
    assertThat(DjlTorch.mismatch("/opt/pytorch", "2.7.1+cu128", "2.7.1")).isEmpty();
    assertThat(DjlTorch.mismatch("/opt/pytorch", "2.9.0+cu130", "2.7.1")).hasValueSatisfying(r -> assertThat(r)
        .contains("/opt/pytorch has torch 2.9.0+cu130").contains("libtorch 2.7.1 only"));
  }

  @Test
  void gpuNeedsALibtorchOfDjlsVersion(@TempDir Path root) {
    assertThat(InferenceWorkload.gpuReason(Map.of(), root)).hasValueSatisfying(r -> assertThat(r)
        .contains("set PYTORCH_LIBRARY_PATH").contains("2.7.1"));
    assertThat(InferenceWorkload.gpuReason(Map.of("PYTORCH_LIBRARY_PATH", "/opt/pytorch/lib/torch/lib",
        "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128"), root)).isEmpty();
    assertThat(InferenceWorkload.gpuReason(Map.of("PYTORCH_LIBRARY_PATH", "/x/torch/lib",
        "PYTORCH_VERSION", "2.6.0"), root)).hasValueSatisfying(r -> assertThat(r).contains("torch 2.6.0"));
  }

  @Test
  void anAmiTorchOfAnotherVersionIsNamedInTheSkipReason(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("opt/pytorch/lib/python3.12/site-packages/torch-2.9.0+cu130.dist-info"));
    assertThat(InferenceWorkload.gpuReason(Map.of(), root)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("GPU: /opt/pytorch has torch 2.9.0+cu130").contains("libtorch 2.7.1 only"));
    assertThat(DjlTorch.venvTorch(root.resolve("opt/pytorch"))).contains("2.9.0+cu130");
  }
}
