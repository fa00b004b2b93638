package dev.archbench.workloads.inference.model;

import dev.archbench.workloads.inference.onnx.OnnxGraph;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongFunction;

/** The built-in models: three generated from seeded weights, one real pretrained encoder. */
public enum ModelKind {
  RESNET50("resnet50", Architectures::resnet50, "CNN with ResNet-50's architecture (25.6M params)"),
  MOBILENETV2("mobilenetv2", Architectures::mobilenetV2, "MobileNetV2 small CNN (3.5M params)"),
  MLP("mlp", Architectures::mlp, "tabular-scoring MLP 64-256-128-1"),
  MINILM("minilm", null, "all-MiniLM-L6-v2 sentence encoder (pretrained, int8-quantized ONNX)");

  /** Bump when an architecture or the weight scheme changes: cached files are then regenerated. */
  public static final int GENERATOR_VERSION = 1;
  /** The seed of every generated model's weights. */
  public static final long SEED = 20260101L;

  private final String id;
  private final LongFunction<OnnxGraph> generator;
  private final String description;

  ModelKind(String id, LongFunction<OnnxGraph> generator, String description) {
    this.id = id;
    this.generator = generator;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public boolean generated() {
    return generator != null;
  }

  public boolean image() {
    return this == RESNET50 || this == MOBILENETV2;
  }

  public OnnxGraph generate() {
    if (generator == null) {
      throw new IllegalStateException(id + " is not generated");
    }
    return generator.apply(SEED);
  }

  public static ModelKind of(String id) {
    String k = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(m -> m.id.equals(k)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "' (known: "
            + String.join(", ", Arrays.stream(values()).map(ModelKind::id).toList()) + ")"));
  }
}
