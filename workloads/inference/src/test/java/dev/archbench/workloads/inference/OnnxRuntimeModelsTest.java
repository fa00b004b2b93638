package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.DjlSetup;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.engine.Inputs;
import dev.archbench.workloads.inference.engine.LoadedModel;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.model.MlpReference;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OnnxRuntimeModelsTest {
  static ModelStore store;

  @BeforeAll
  static void setUp() {
    DjlSetup.configure(WorkloadOptions.workDir());
    store = new ModelStore(WorkloadOptions.workDir());
  }

  @ParameterizedTest
  @EnumSource(value = ModelKind.class, names = {"MLP", "MOBILENETV2", "RESNET50"})
  void generatedModelsRunOnOnnxRuntimeThroughDjl(ModelKind kind) throws Exception {
    try (LoadedModel m = LoadedModel.load(EngineKind.ONNXRUNTIME, store.onnx(kind).path(),
            new ThreadSettings(2, 1), Device.cpu());
        Predictor<NDList, NDList> p = m.newPredictor()) {
      NDList out = p.predict(Inputs.generated(m.model().getNDManager(), kind, 2));
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(2, kind == ModelKind.MLP ? 1 : 1000));
      float[] v = out.get(0).toFloatArray();
      for (float f : v) {
        assertThat(f).isFinite();
      }
      if (kind != ModelKind.MLP) {
        // Seeded weights give logits of varied magnitude, not a constant or exploded output.
        double max = 0;
        for (float f : v) {
          max = Math.max(max, Math.abs(f));
        }
        assertThat(max).isBetween(0.1, 1e4);
        assertThat(v[0]).isNotEqualTo(v[1]);
      }
    }
  }

  @Test
  void mlpOnOnnxRuntimeMatchesJavaReference() throws Exception {
    try (LoadedModel m = LoadedModel.load(EngineKind.ONNXRUNTIME, store.onnx(ModelKind.MLP).path(),
            new ThreadSettings(1, 1), Device.cpu());
        Predictor<NDList, NDList> p = m.newPredictor()) {
      float[] got = p.predict(Inputs.generated(m.model().getNDManager(), ModelKind.MLP, 8)).get(0).toFloatArray();
      float[] want = MlpReference.forward(ModelKind.MLP.generate(), Inputs.floats(8 * 64, 42), 8);
      for (int i = 0; i < 8; i++) {
        assertThat(got[i]).isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
  }
}
