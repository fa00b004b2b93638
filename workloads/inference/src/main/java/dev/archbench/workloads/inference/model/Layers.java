package dev.archbench.workloads.inference.model;

import dev.archbench.workloads.inference.onnx.OnnxGraph;
import dev.archbench.workloads.inference.onnx.OnnxGraph.Attr;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PyTorch-style layers emitted as ONNX nodes with seeded weights. Parameter names follow torchvision's
 * {@code state_dict} keys so the exporter script can load the very same tensors into
 * {@code torchvision.models}. Weights are He-scaled uniform values from a generator seeded by the
 * model seed and the parameter name, so a model is identical on every JVM and architecture.
 */
final class Layers {
  private final OnnxGraph g;
  private final long seed;

  Layers(OnnxGraph g, long seed) {
    this.g = g;
    this.seed = seed;
  }

  OnnxGraph graph() {
    return g;
  }

  /** Conv2d without bias, padding (k-1)/2 as torchvision uses. */
  String conv(String x, String name, int cin, int cout, int k, int stride, int groups) {
    int fanIn = cin / groups * k * k;
    float bound = (float) (Math.sqrt(3.0) * Math.sqrt(2.0 / fanIn));
    String w = g.initializer(name + ".weight", new long[] {cout, cin / groups, k, k},
        uniform(name + ".weight", cout * (cin / groups) * k * k, -bound, bound));
    int pad = (k - 1) / 2;
    return g.node("Conv", List.of(x, w),
        Attr.ints("kernel_shape", k, k), Attr.ints("strides", stride, stride),
        Attr.ints("pads", pad, pad, pad, pad), Attr.i("group", groups));
  }

  /** BatchNorm2d in inference mode; gammaScale below 1 damps residual branches. */
  String bn(String x, String name, int c, double gammaScale) {
    String gamma = g.initializer(name + ".weight", new long[] {c},
        scale(uniform(name + ".weight", c, 0.8f, 1.2f), (float) gammaScale));
    String beta = g.initializer(name + ".bias", new long[] {c}, uniform(name + ".bias", c, -0.1f, 0.1f));
    String mean = g.initializer(name + ".running_mean", new long[] {c},
        uniform(name + ".running_mean", c, -0.1f, 0.1f));
    String var = g.initializer(name + ".running_var", new long[] {c},
        uniform(name + ".running_var", c, 0.8f, 1.2f));
    return g.node("BatchNormalization", List.of(x, gamma, beta, mean, var), Attr.f("epsilon", 1e-5f));
  }

  String relu(String x) {
    return g.node("Relu", List.of(x));
  }

  String relu6(String x) {
    String lo = "const.zero";
    String hi = "const.six";
    if (!g.has(lo)) {
      g.constant(lo, new long[0], new float[] {0f});
      g.constant(hi, new long[0], new float[] {6f});
    }
    return g.node("Clip", List.of(x, lo, hi));
  }

  String add(String a, String b) {
    return g.node("Add", List.of(a, b));
  }

  /** Global average pooling then flatten to [N, C]. */
  String poolFlatten(String x) {
    return g.node("Flatten", List.of(g.node("GlobalAveragePool", List.of(x))), Attr.i("axis", 1));
  }

  /** torch.nn.Linear: y = x W^T + b. */
  String linear(String x, String name, int in, int out, String outputName) {
    float bound = (float) (1.0 / Math.sqrt(in)) * (float) Math.sqrt(3.0);
    String w = g.initializer(name + ".weight", new long[] {out, in},
        uniform(name + ".weight", out * in, -bound, bound));
    String b = g.initializer(name + ".bias", new long[] {out}, uniform(name + ".bias", out, -0.1f, 0.1f));
    List<String> in3 = List.of(x, w, b);
    Attr transB = Attr.i("transB", 1);
    return outputName == null ? g.node("Gemm", in3, transB) : g.nodeNamed(outputName, "Gemm", in3, transB);
  }

  private float[] uniform(String name, int n, float lo, float hi) {
    SplittableRandom r = new SplittableRandom(seed * 1_000_003L + name.hashCode());
    float[] v = new float[n];
    float span = hi - lo;
    for (int i = 0; i < n; i++) {
      v[i] = lo + span * (float) r.nextDouble();
    }
    return v;
  }

  private static float[] scale(float[] v, float s) {
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return v;
  }
}
