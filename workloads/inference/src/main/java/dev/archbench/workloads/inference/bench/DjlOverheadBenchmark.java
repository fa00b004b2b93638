package dev.archbench.workloads.inference.bench;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.archbench.record.Subject;
import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.DjlSetup;
import dev.archbench.workloads.inference.engine.Inputs;
import dev.archbench.workloads.inference.engine.OnnxAgreement;
import dev.archbench.workloads.inference.model.ModelFile;
import dev.archbench.workloads.inference.model.ModelKind;
import dev.archbench.workloads.inference.model.ModelStore;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * DJL's own cost: the same ONNX model at batch 1 through ONNX Runtime's Java API directly
 * ({@link #ortDirect}) and through DJL ({@link #djl}), both from a Java float[] to a Java float[],
 * with the same session threading. The difference of the two scores is DJL's overhead (goal: under
 * 5% for ResNet-50). Both paths' outputs are compared in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DjlOverheadBenchmark {
  @Param({"mlp"})
  public String model;

  private float[] input;
  private long[] shape;
  private OrtEnvironment env;
  private OrtSession session;
  private String inputName;
  private ZooModel<float[], float[]> djlModel;
  private Predictor<float[], float[]> djlPredictor;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    DjlSetup.configure(WorkloadOptions.workDir());
    ModelKind kind = ModelKind.of(model);
    ModelFile file = new ModelStore(WorkloadOptions.workDir()).onnx(kind);
    int threads = Runtime.getRuntime().availableProcessors();
    Shape s = Inputs.shape(kind, 1);
    shape = s.getShape();
    input = Inputs.floats((int) s.size(), 42);

    // DJL creates the process-wide OrtEnvironment with its own options; it must come first.
    ai.djl.engine.Engine.getEngine("OnnxRuntime");
    env = OrtEnvironment.getEnvironment();
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(threads);
    o.setInterOpNumThreads(1);
    session = env.createSession(file.path().toString(), o);
    inputName = session.getInputNames().iterator().next();

    djlModel = Criteria.builder().setTypes(float[].class, float[].class)
        .optModelPath(file.path()).optEngine("OnnxRuntime").optDevice(Device.cpu())
        .optOption("intraOpNumThreads", Integer.toString(threads)).optOption("interOpNumThreads", "1")
        .optTranslator(new FloatArrayTranslator(s)).build().loadModel();
    djlPredictor = djlModel.newPredictor();
    ResultNotes notes = ResultNotes.current();
    notes.attribute("engine", "OnnxRuntime " + ai.djl.engine.Engine.getEngine("OnnxRuntime").getVersion());

    double diff = OnnxAgreement.maxAbsDiff(ortDirect(), djl());
    if (diff != 0) {
      throw new IllegalStateException("DJL and ONNX Runtime direct disagree: " + diff);
    }
    notes.subject(new Subject(Subject.Kind.MODEL, kind.id(), file.sha256(), "generated ONNX (seeded weights)"));
    notes.attribute("threads", "intraOp=" + threads + ",interOp=1");
  }

  @Benchmark
  public float[] ortDirect() throws Exception {
    try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
        OrtSession.Result r = session.run(Map.of(inputName, t))) {
      FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
      float[] out = new float[fb.remaining()];
      fb.get(out);
      return out;
    }
  }

  @Benchmark
  public float[] djl() throws Exception {
    return djlPredictor.predict(input);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    djlPredictor.close();
    djlModel.close();
    session.close();
  }

  /** float[] in, float[] out: what a Java service hands DJL and gets back. */
  static final class FloatArrayTranslator implements Translator<float[], float[]> {
    private final Shape shape;

    FloatArrayTranslator(Shape shape) {
      this.shape = shape;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, float[] in) {
      return new NDList(ctx.getNDManager().create(in, shape));
    }

    @Override
    public float[] processOutput(TranslatorContext ctx, NDList list) {
      return list.get(0).toFloatArray();
    }

    @Override
    public Batchifier getBatchifier() {
      return null;
    }
  }
}
