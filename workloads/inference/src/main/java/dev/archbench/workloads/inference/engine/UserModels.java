package dev.archbench.workloads.inference.engine;

import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;

/**
 * Input shapes of a user's {@code --model}: an ONNX file declares its first input's shape (unknown
 * dimensions become 1, the first is the batch); a TorchScript file does not, so it gets an image
 * batch [N, 3, 224, 224].
 */
final class UserModels {
  static final Shape TORCHSCRIPT_DEFAULT = new Shape(1, 3, 224, 224);

  private UserModels() {}

  static Shape inputShape(Path file) throws OrtException {
    if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
      return TORCHSCRIPT_DEFAULT;
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions();
        OrtSession s = env.createSession(file.toString(), o)) {
      NodeInfo first = s.getInputInfo().values().iterator().next();
      if (!(first.getInfo() instanceof TensorInfo t)) {
        throw new IllegalArgumentException("--model: first input is not a tensor");
      }
      long[] dims = t.getShape().clone();
      for (int i = 0; i < dims.length; i++) {
        dims[i] = dims[i] < 1 ? 1 : dims[i];
      }
      return new Shape(dims);
    }
  }
}
