package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.archbench.workload.ForkContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import dev.archbench.workloads.inference.model.PythonTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --model PATH}: a user's ONNX file runs with the input shape it declares. */
class UserModelTest {
  /** The test JVM's context (its work directory) with {@code --model file}. */
  private static ForkContext withModel(Path file) {
    return ForkContext.current().withOption(WorkloadOptions.MODEL, file.toString());
  }

  @Test
  void runsAUsersOnnxFileWithItsDeclaredShape(@TempDir Path dir) throws Exception {
    Path user = dir.resolve("scorer.onnx");
    Files.copy(new ModelStore(WorkloadOptions.workDir()).onnx(ModelKind.MLP).path(), user);
    try (ModelUnderTest mut = ModelUnderTest.open(withModel(user), ModelUnderTest.USER_MODEL, null,
            DeviceKind.CPU, 128, 1, new ThreadSettings(1, 1), "default", "spin");
        Predictor<NDList, NDList> p = mut.newPredictor()) {
      NDList out = p.predict(mut.input(3));
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(3, 1));
      assertThat(mut.file().sha256()).isEqualTo(SelfCheck.MLP_SHA256);
      assertThat(mut.loaded().engine()).isEqualTo(EngineKind.ONNXRUNTIME);
    }
  }

  @Test
  void missingOrUnsupportedFilesAreOneLineErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> ModelUnderTest.open(withModel(dir.resolve("absent.onnx")), ModelUnderTest.USER_MODEL,
        null, DeviceKind.CPU, 128, 1, new ThreadSettings(1, 1), "default", "spin")).hasMessageContaining("no such file");
    assertThatThrownBy(() -> EngineKind.forFile("model.tflite")).hasMessageContaining(".onnx or a TorchScript .pt");
    assertThat(PythonTorch.find(dir.resolve("python9").toString()).reason())
        .startsWith("no Python at ").contains("--python PATH");
  }
}
