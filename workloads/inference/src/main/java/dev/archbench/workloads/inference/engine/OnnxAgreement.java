package dev.archbench.workloads.inference.engine;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import java.util.Locale;

/**
 * Checks that a TorchScript export computes what its ONNX twin computes on ONNX Runtime for the same
 * input. Generated models carry identical float32 weights: max abs difference within 1e-3 of the
 * output's scale. MiniLM's ONNX is int8-quantized while its TorchScript runs the dequantized weights
 * in float32, so sentence embeddings are compared by cosine similarity (at least 0.99).
 */
public final class OnnxAgreement {
  public static final double GENERATED_TOLERANCE = 1e-3;
  public static final double MINILM_MIN_COSINE = 0.99;

  private OnnxAgreement() {}

  /** Returns the max abs difference (generated) or the lowest cosine (MiniLM); throws if off. */
  static double compare(ModelUnderTest torch, NDList torchOut, int batch) throws Exception {
    ModelKind kind = torch.kind();
    ModelStore store = new ModelStore(torch.fork().workDir());
    try (LoadedModel onnx = LoadedModel.load(EngineKind.ONNXRUNTIME, store.onnx(kind).path(),
            new ThreadSettings(1, 1), Device.cpu());
        Predictor<NDList, NDList> p = onnx.newPredictor()) {
      NDList in = kind == ModelKind.MINILM
          ? Inputs.minilm(onnx.model().getNDManager(),
              Inputs.tokenizer(store.minilmTokenizer(), torch.seqLen()), Inputs.sentences(batch))
          : Inputs.generated(onnx.model().getNDManager(), kind, batch);
      NDList ref = p.predict(in);
      if (kind == ModelKind.MINILM) {
        NDList torchIn = torch.input(batch);
        float[][] a = Inputs.meanPool(ref.get(0), in.get(1));
        float[][] b = Inputs.meanPool(torchOut.get(0), torchIn.get(1));
        double worst = 1;
        for (int i = 0; i < a.length; i++) {
          worst = Math.min(worst, cosine(a[i], b[i]));
        }
        if (worst < MINILM_MIN_COSINE) {
          throw new IllegalStateException(String.format(Locale.ROOT,
              "MiniLM TorchScript disagrees with ONNX: cosine %.4f < %.2f", worst, MINILM_MIN_COSINE));
        }
        return worst;
      }
      float[] a = ref.get(0).toFloatArray();
      float[] b = torchOut.get(0).toFloatArray();
      double diff = maxAbsDiff(a, b);
      double scale = 0;
      for (float v : a) {
        scale = Math.max(scale, Math.abs(v));
      }
      if (diff > GENERATED_TOLERANCE * Math.max(1, scale)) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "%s TorchScript disagrees with ONNX: max abs diff %.3g", kind.id(), diff));
      }
      return diff;
    }
  }

  public static double maxAbsDiff(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("lengths differ: " + a.length + " vs " + b.length);
    }
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }
}
