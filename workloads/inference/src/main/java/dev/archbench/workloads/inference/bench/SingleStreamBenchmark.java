package dev.archbench.workloads.inference.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.workload.ForkContext;
import dev.archbench.workloads.inference.device.DeviceKind;
import dev.archbench.workloads.inference.engine.EngineKind;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import java.util.Locale;
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
 * MLPerf's single-stream scenario: one request at a time, batch 1 by default, latency sampled per
 * call (JMH SampleTime gives p50/p90/p99). What is timed is DJL's {@code Predictor.predict} with a
 * prepared input: DJL's dispatch plus the engine. Model loading, the first inference (reported
 * separately), output checks and the ONNX-vs-TorchScript comparison all happen in setup.
 *
 * <p>Pitfalls: ONNX Runtime and PyTorch use all cores for one request by default; threads are set
 * explicitly (intra-op = cores, inter-op = 1) and recorded, so hosts compare like for like.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SingleStreamBenchmark {
  @Param({"mlp"})
  public String model;

  @Param({"onnxruntime"})
  public String engine;

  @Param({"cpu"})
  public String device;

  @Param({"1"})
  public int batch;

  /** MiniLM only: tokens per sequence. */
  @Param({"128"})
  public int seqLen;

  /** {@code default} or {@code bf16} (oneDNN fast math). */
  @Param({"default"})
  public String fpmath;

  /** {@code spin} (engine defaults) or {@code passive} idle threads; see ThreadWait. */
  @Param({"spin"})
  public String threadWait;

  private ModelUnderTest mut;
  private Predictor<NDList, NDList> predictor;
  private NDList input;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    DeviceKind d = DeviceKind.valueOf(device.toUpperCase(Locale.ROOT));
    int cpus = Runtime.getRuntime().availableProcessors();
    mut = ModelUnderTest.open(ForkContext.current(), model, EngineKind.of(engine), d, seqLen, batch,
        new ThreadSettings(cpus, 1), fpmath, threadWait);
    predictor = mut.newPredictor();
    mut.warmAndReport(predictor, batch);
    input = mut.input(batch);
  }

  @Benchmark
  public int predict() throws Exception {
    try (NDList out = predictor.predict(input)) {
      return out.size();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    if (predictor != null) {
      predictor.close();
    }
    if (mut != null) {
      mut.close();
    }
  }
}
