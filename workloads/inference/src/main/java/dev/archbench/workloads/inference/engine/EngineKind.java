package dev.archbench.workloads.inference.engine;

import java.util.Arrays;
import java.util.Locale;

/** The DJL engines measured, by their DJL engine name and the model format they load. */
public enum EngineKind {
  ONNXRUNTIME("onnxruntime", "OnnxRuntime", ".onnx"),
  PYTORCH("pytorch", "PyTorch", ".pt");

  private final String id;
  private final String djlName;
  private final String extension;

  EngineKind(String id, String djlName, String extension) {
    this.id = id;
    this.djlName = djlName;
    this.extension = extension;
  }

  public String id() {
    return id;
  }

  public String djlName() {
    return djlName;
  }

  public String extension() {
    return extension;
  }

  public static EngineKind of(String id) {
    String k = id.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(e -> e.id.equals(k)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown engine '" + id + "' (onnxruntime, pytorch)"));
  }

  /** The engine that runs a user's model file, by its extension. */
  public static EngineKind forFile(String fileName) {
    String f = fileName.toLowerCase(Locale.ROOT);
    if (f.endsWith(".onnx")) {
      return ONNXRUNTIME;
    }
    if (f.endsWith(".pt") || f.endsWith(".pth") || f.endsWith(".torchscript")) {
      return PYTORCH;
    }
    throw new IllegalArgumentException("--model must be an .onnx or a TorchScript .pt file: " + fileName);
  }
}
