package dev.archbench.workloads.inference.engine;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model loaded through DJL with its load time. Inputs and outputs are raw {@link NDList}s: the
 * benchmarks prepare inputs outside the timed part, so what is timed is DJL plus the engine.
 */
public final class LoadedModel implements AutoCloseable {
  private final EngineKind engine;
  private final ZooModel<NDList, NDList> model;
  private final double loadMillis;
  private final ThreadSettings threads;

  static {
    // DJL 0.36 initialises DefaultModelZoo before ModelZoo when Criteria comes first and then fails
    // (null logger) if ai.djl.repository.zoo.location is set; initialising ModelZoo first avoids it.
    ai.djl.repository.zoo.ModelZoo.getModelZoo("ai.djl.localmodelzoo");
  }

  private LoadedModel(EngineKind engine, ZooModel<NDList, NDList> model, double loadMillis,
      ThreadSettings threads) {
    this.engine = engine;
    this.model = model;
    this.loadMillis = loadMillis;
    this.threads = threads;
  }

  /** Loads a model file on the given engine and device with the given threading. */
  public static LoadedModel load(EngineKind engine, Path file, ThreadSettings threads, Device device)
      throws IOException, ModelNotFoundException, MalformedModelException {
    if (engine == EngineKind.PYTORCH) {
      // Read once when the PyTorch engine starts: the first load in a JVM decides.
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads.intraOp()));
      System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(threads.interOp()));
    }
    Criteria.Builder<NDList, NDList> b = Criteria.builder()
        .setTypes(NDList.class, NDList.class)
        .optModelPath(file.toAbsolutePath())
        .optEngine(engine.djlName())
        .optTranslator(new NoopTranslator())
        .optDevice(device);
    if (engine == EngineKind.ONNXRUNTIME) {
      b.optOption("intraOpNumThreads", Integer.toString(threads.intraOp()))
          .optOption("interOpNumThreads", Integer.toString(threads.interOp()));
    }
    if (engine == EngineKind.PYTORCH) {
      b.optOption("mapLocation", "true");
    }
    long t0 = System.nanoTime();
    ZooModel<NDList, NDList> m = b.build().loadModel();
    double ms = (System.nanoTime() - t0) / 1e6;
    return new LoadedModel(engine, m, ms, threads);
  }

  public EngineKind engine() {
    return engine;
  }

  public ZooModel<NDList, NDList> model() {
    return model;
  }

  public double loadMillis() {
    return loadMillis;
  }

  public ThreadSettings threads() {
    return threads;
  }

  public Predictor<NDList, NDList> newPredictor() {
    return model.newPredictor();
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
