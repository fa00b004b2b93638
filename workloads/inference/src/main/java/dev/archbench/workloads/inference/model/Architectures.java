package dev.archbench.workloads.inference.model;

import dev.archbench.workloads.inference.onnx.OnnxGraph;
import dev.archbench.workloads.inference.onnx.OnnxGraph.Attr;
import java.util.List;

/**
 * The generated models, layer for layer as torchvision defines them (ResNet-50 v1.5, MobileNetV2
 * width 1.0) plus a tabular-scoring MLP. Inputs have a symbolic batch dimension.
 */
public final class Architectures {
  private Architectures() {}

  /** torchvision.models.resnet50: bottlenecks [3, 4, 6, 3], stride on the 3x3 conv (v1.5). */
  public static OnnxGraph resnet50(long seed) {
    Layers l = new Layers(new OnnxGraph("resnet50"), seed);
    OnnxGraph g = l.graph();
    String x = g.input("input", OnnxGraph.FLOAT, "batch", 3L, 224L, 224L);
    x = l.relu(l.bn(l.conv(x, "conv1", 3, 64, 7, 2, 1), "bn1", 64, 1.0));
    x = g.node("MaxPool", List.of(x), Attr.ints("kernel_shape", 3, 3), Attr.ints("strides", 2, 2),
        Attr.ints("pads", 1, 1, 1, 1));
    int inplanes = 64;
    int[][] stages = {{64, 3, 1}, {128, 4, 2}, {256, 6, 2}, {512, 3, 2}};
    for (int s = 0; s < stages.length; s++) {
      int planes = stages[s][0];
      for (int b = 0; b < stages[s][1]; b++) {
        int stride = b == 0 ? stages[s][2] : 1;
        String p = "layer" + (s + 1) + "." + b + ".";
        String out = l.relu(l.bn(l.conv(x, p + "conv1", inplanes, planes, 1, 1, 1), p + "bn1", planes, 1.0));
        out = l.relu(l.bn(l.conv(out, p + "conv2", planes, planes, 3, stride, 1), p + "bn2", planes, 1.0));
        out = l.bn(l.conv(out, p + "conv3", planes, planes * 4, 1, 1, 1), p + "bn3", planes * 4, 0.3);
        String identity = x;
        if (b == 0) {
          identity = l.bn(l.conv(x, p + "downsample.0", inplanes, planes * 4, 1, stride, 1),
              p + "downsample.1", planes * 4, 1.0);
        }
        x = l.relu(l.add(out, identity));
        inplanes = planes * 4;
      }
    }
    l.linear(l.poolFlatten(x), "fc", 2048, 1000, "logits");
    g.output("logits", OnnxGraph.FLOAT, "batch", 1000L);
    return g;
  }

  /** torchvision.models.mobilenet_v2: inverted residuals with ReLU6, 1280-channel head. */
  public static OnnxGraph mobilenetV2(long seed) {
    Layers l = new Layers(new OnnxGraph("mobilenetv2"), seed);
    OnnxGraph g = l.graph();
    String x = g.input("input", OnnxGraph.FLOAT, "batch", 3L, 224L, 224L);
    x = l.relu6(l.bn(l.conv(x, "features.0.0", 3, 32, 3, 2, 1), "features.0.1", 32, 1.0));
    int[][] setting = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2}, {6, 96, 3, 1},
        {6, 160, 3, 2}, {6, 320, 1, 1}};
    int in = 32;
    int f = 1;
    for (int[] s : setting) {
      for (int i = 0; i < s[2]; i++) {
        int stride = i == 0 ? s[3] : 1;
        int out = s[1];
        int hidden = in * s[0];
        String p = "features." + f + ".conv.";
        String y = x;
        int c = 0;
        if (s[0] != 1) {
          y = l.relu6(l.bn(l.conv(y, p + c + ".0", in, hidden, 1, 1, 1), p + c + ".1", hidden, 1.0));
          c++;
        }
        y = l.relu6(l.bn(l.conv(y, p + c + ".0", hidden, hidden, 3, stride, hidden), p + c + ".1", hidden, 1.0));
        c++;
        boolean residual = stride == 1 && in == out;
        y = l.bn(l.conv(y, p + c, hidden, out, 1, 1, 1), p + (c + 1), out, residual ? 0.3 : 1.0);
        x = residual ? l.add(x, y) : y;
        in = out;
        f++;
      }
    }
    x = l.relu6(l.bn(l.conv(x, "features." + f + ".0", in, 1280, 1, 1, 1), "features." + f + ".1", 1280, 1.0));
    l.linear(l.poolFlatten(x), "classifier.1", 1280, 1000, "logits");
    g.output("logits", OnnxGraph.FLOAT, "batch", 1000L);
    return g;
  }

  /** Tabular scoring: 64 features, two hidden layers (256, 128), a sigmoid score. */
  public static OnnxGraph mlp(long seed) {
    Layers l = new Layers(new OnnxGraph("mlp"), seed);
    OnnxGraph g = l.graph();
    String x = g.input("features", OnnxGraph.FLOAT, "batch", (long) MLP_FEATURES);
    x = l.relu(l.linear(x, "0", MLP_FEATURES, 256, null));
    x = l.relu(l.linear(x, "2", 256, 128, null));
    x = l.linear(x, "4", 128, 1, null);
    g.nodeNamed("score", "Sigmoid", List.of(x));
    g.output("score", OnnxGraph.FLOAT, "batch", 1L);
    return g;
  }

  public static final int MLP_FEATURES = 64;
}
