package dev.archbench.workloads.inference.model;

import dev.archbench.workloads.inference.onnx.OnnxGraph;
import dev.archbench.workloads.inference.onnx.OnnxGraph.Tensor;
import java.util.Map;

/** The MLP's forward pass in plain Java: an engine-independent reference for its outputs. */
public final class MlpReference {
  private MlpReference() {}

  public static float[] forward(OnnxGraph mlp, float[] input, int batch) {
    Map<String, Tensor> p = mlp.parameters();
    float[] x = input;
    int width = Architectures.MLP_FEATURES;
    for (String layer : new String[] {"0", "2", "4"}) {
      Tensor w = p.get(layer + ".weight");
      Tensor b = p.get(layer + ".bias");
      int out = (int) w.shape()[0];
      float[] y = new float[batch * out];
      for (int n = 0; n < batch; n++) {
        for (int o = 0; o < out; o++) {
          double s = b.data()[o];
          for (int i = 0; i < width; i++) {
            s += x[n * width + i] * w.data()[o * width + i];
          }
          y[n * out + o] = layer.equals("4") ? (float) (1 / (1 + Math.exp(-s))) : (float) Math.max(0, s);
        }
      }
      x = y;
      width = out;
    }
    return x;
  }
}
