package dev.archbench.workloads.inference;

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
import dev.archbench.workloads.inference.model.ModelFile;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import java.util.Locale;

/**
 * Correctness check for a new platform (CI runs it on aarch64 under qemu): generates the MLP, checks
 * its SHA-256 against the pinned value (generation is bit-identical everywhere), runs it on ONNX
 * Runtime through DJL at batch 4 and compares with a plain-Java forward pass. Exit 0 when all holds.
 */
public final class SelfCheck {
  /** SHA-256 of the generated MLP ONNX file (generator v1, seed 20260101). */
  public static final String MLP_SHA256 = "c0d9e2bfc14acabc447852b22494a43f9a1729f465202947e0e63eece0d19302";

  private SelfCheck() {}

  public static void main(String[] args) throws Exception {
    DjlSetup.configure(WorkloadOptions.workDir());
    String arch = System.getProperty("os.arch");
    ModelFile f = new ModelStore(WorkloadOptions.workDir()).onnx(ModelKind.MLP);
    check(MLP_SHA256.equals(f.sha256()), "mlp checksum " + f.sha256() + " != pinned " + MLP_SHA256);
    int batch = 4;
    try (LoadedModel m = LoadedModel.load(EngineKind.ONNXRUNTIME, f.path(), new ThreadSettings(1, 1), Device.cpu());
        Predictor<NDList, NDList> p = m.newPredictor()) {
      NDList out = p.predict(Inputs.generated(m.model().getNDManager(), ModelKind.MLP, batch));
      check(out.get(0).getShape().equals(new Shape(batch, 1)), "output shape " + out.get(0).getShape());
      float[] got = out.get(0).toFloatArray();
      float[] want = MlpReference.forward(ModelKind.MLP.generate(), Inputs.floats((int) Inputs.shape(ModelKind.MLP, batch).size(), 42), batch);
      double diff = 0;
      for (int i = 0; i < batch; i++) {
        check(got[i] > 0 && got[i] < 1, "score out of (0,1): " + got[i]);
        diff = Math.max(diff, Math.abs(got[i] - want[i]));
      }
      check(diff < 1e-5, "ONNX Runtime differs from the Java reference by " + diff);
      System.out.printf(Locale.ROOT, "selfcheck ok: arch=%s engine=%s model=mlp sha256=%s scores=%s maxdiff=%.2e%n",
          arch, m.engineDescription(), f.sha256().substring(0, 12), java.util.Arrays.toString(got), diff);
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      System.err.println("selfcheck FAILED: " + message);
      System.exit(1);
    }
  }
}
