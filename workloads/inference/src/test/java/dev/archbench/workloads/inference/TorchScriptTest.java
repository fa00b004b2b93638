package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.workload.ForkContext;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.engine.FastMath;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.model.PythonTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TorchScript exported by Debian's python3-torch runs on DJL's PyTorch engine and agrees with ONNX
 * Runtime on the same weights (the check inside warmAndReport fails the benchmark otherwise).
 */
class TorchScriptTest {

  @ParameterizedTest
  @CsvSource({"mlp,1", "mobilenetv2,2", "resnet50,1", "minilm,2"})
  void exportRunsOnPyTorchAndAgreesWithOnnx(String model, int batch, @TempDir Path tmp) throws Exception {
    assumeTrue(PythonTorch.find(PythonTorch.DEFAULT_PYTHON).get().isPresent(),
        "needs /usr/bin/python3 with torch and torchvision (apt-get install python3-torch python3-torchvision)");
    Path notes = tmp.resolve("notes.jsonl");
    try (ModelUnderTest mut = ModelUnderTest.open(ForkContext.current().withNotesFile(notes), model,
            EngineKind.PYTORCH, DeviceKind.CPU, 32, batch, new ThreadSettings(2, 1), FastMath.DEFAULT, "spin");
        Predictor<NDList, NDList> p = mut.newPredictor()) {
      assertThat(mut.file().path().getFileName().toString()).endsWith(".pt");
      mut.warmAndReport(p, batch);
      List<String> lines = Files.readAllLines(notes);
      assertThat(lines).anyMatch(l -> l.contains("\"check.onnxAgreement\""));
      assertThat(lines).anyMatch(l -> l.contains("\"engine\"") && l.contains("PyTorch 2.7.1"));
      String agreement = lines.stream().filter(l -> l.contains("check.onnxAgreement")).findFirst().orElseThrow();
      double value = Double.parseDouble(agreement.replaceAll(".*\"value\":([-0-9.Ee]+).*", "$1"));
      if (model.equals("minilm")) {
        assertThat(value).isGreaterThanOrEqualTo(0.99);
      } else {
        assertThat(value).isLessThan(1e-3);
      }
    }
  }
}
