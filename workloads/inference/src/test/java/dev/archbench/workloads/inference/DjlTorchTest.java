package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.inference.device.DjlTorch;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void gpuNeedsALibtorchOfDjlsVersion() {
    assertThat(InferenceWorkload.gpuReason(Map.of())).hasValueSatisfying(r -> assertThat(r)
        .contains("set PYTORCH_LIBRARY_PATH").contains("2.7.1"));
    assertThat(InferenceWorkload.gpuReason(Map.of("PYTORCH_LIBRARY_PATH", "/opt/pytorch/lib/torch/lib",
        "PYTORCH_VERSION", "2.7.1", "PYTORCH_FLAVOR", "cu128"))).isEmpty();
    assertThat(InferenceWorkload.gpuReason(Map.of("PYTORCH_LIBRARY_PATH", "/x/torch/lib",
        "PYTORCH_VERSION", "2.6.0"))).hasValueSatisfying(r -> assertThat(r).contains("torch 2.6.0"));
  }
}
