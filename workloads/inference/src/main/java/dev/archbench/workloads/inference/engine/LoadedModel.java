package dev.archbench.workloads.inference.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.Model;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A model loaded through DJL with its load time. Inputs and outputs are raw {@link NDList}s: the
 * benchmarks prepare inputs outside the timed part, so what is timed is DJL plus the engine.
 */
public final class LoadedModel implements AutoCloseable {
  private final EngineKind engine;
  private final Model model;
  private final double loadMillis;
  private final ThreadSettings threads;

  static {
    DjlSetup.initModelZoo();
  }

  private LoadedModel(EngineKind engine, Model model, double loadMillis,
      ThreadSettings threads) {
    this.engine = engine;
    this.model = model;
    this.loadMillis = loadMillis;
    this.threads = threads;
  }

  /** Loads a model file on the given engine and device with the given threading. */
  public static LoadedModel load(EngineKind engine, Path file, ThreadSettings threads, Device device)
      throws IOException, MalformedModelException {
    if (engine == EngineKind.PYTORCH) {
      // Read once when the PyTorch engine starts: the first load in a JVM decides.
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads.intraOp()));
      System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads.interOp()));
    }
    Map<String, Object> options = new HashMap<>();
    if (engine == EngineKind.ONNXRUNTIME) {
      options.put("sessionOptions", sessionOptions(threads));
    } else {
      options.put("mapLocation", "true");
    }
    long t0 = System.nanoTime();
    // The Model API rather than Criteria: only it hands ONNX Runtime a ready SessionOptions object.
    Model m = Model.newInstance(file.getFileName().toString(), device, engine.djlName());
    try {
      m.load(file.toAbsolutePath(), null, options);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      m.close();
      throw e;
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    return new LoadedModel(engine, m, ms, threads);
  }

  /**
   * ONNX Runtime session settings. DJL takes a ready SessionOptions object as a whole, which is the
   * only way to reach config entries such as BF16 fast math (MLAS kernels on arm64).
   */
  static ai.onnxruntime.OrtSession.SessionOptions sessionOptions(ThreadSettings threads) {
    try {
      ai.onnxruntime.OrtSession.SessionOptions o = new ai.onnxruntime.OrtSession.SessionOptions();
      o.setIntraOpNumThreads(threads.intraOp());
      o.setInterOpNumThreads(threads.interOp());
      if (ThreadWait.passive()) {
        o.addConfigEntry("session.intra_op.allow_spinning", "0");
        o.addConfigEntry("session.inter_op.allow_spinning", "0");
      }
      if (FastMath.bf16()) {
        o.addConfigEntry("mlas.enable_gemm_fastmath_arm64_bfloat16", "1");
      }
      return o;
    } catch (ai.onnxruntime.OrtException e) {
      throw new IllegalStateException("ONNX Runtime session options: " + e.getMessage(), e);
    }
  }

  public EngineKind engine() {
    return engine;
  }

  public Model model() {
    return model;
  }

  public double loadMillis() {
    return loadMillis;
  }

  public ThreadSettings threads() {
    return threads;
  }

  public Predictor<NDList, NDList> newPredictor() {
    return model.newPredictor(new NoopTranslator());
  }

  /** Engine name and version as DJL reports them, e.g. {@code OnnxRuntime 1.21.1}. */
  public String engineDescription() {
    ai.djl.engine.Engine e = ai.djl.engine.Engine.getEngine(engine.djlName());
    return e.getEngineName() + " " + e.getVersion();
  }

  @Override
  public void close() {
    model.close();
  }
}
