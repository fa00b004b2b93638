package dev.archbench.workloads.inference.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.workload.ForkContext;
import dev.archbench.workload.JitClock;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * MLPerf's offline scenario: all requests available at once; maximum throughput in inferences per
 * second (samples, not calls: a batch of 8 counts 8) at a given batch size with {@code predictors}
 * concurrent predictors, each owning an equal share of the cores (intra-op threads = cores /
 * predictors). One result per (batch, predictors); the best of them is the host's offline score.
 */
public final class OfflineScenario implements Scenario {
  @Override
  public ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) throws Exception {
    ScenarioParams p = ScenarioParams.of(params);
    int cpus = Runtime.getRuntime().availableProcessors();
    try (ModelUnderTest mut = ModelUnderTest.open(ForkContext.current(), p.model(), p.engine(), p.device(),
        p.seqLen(), p.batch(), ThreadSettings.split(cpus, p.predictors()), p.fpmath(), p.threadWait())) {
      List<Predictor<NDList, NDList>> predictors = new ArrayList<>();
      List<NDList> inputs = new ArrayList<>();
      for (int i = 0; i < p.predictors(); i++) {
        predictors.add(mut.newPredictor());
        inputs.add(mut.input(p.batch()));
      }
      mut.warmAndReport(predictors.get(0), p.batch());
      // The warm-up is measured as steps like the iterations: the runner finds where the series became steady.
      JitClock jit = JitClock.start();
      List<Double> warmup = new ArrayList<>();
      for (int i = 0; i < settings.warmupSteps(); i++) {
        warmup.add(run(predictors, inputs, settings.measureSeconds()) * p.batch());
        jit.lap();
      }
      List<Double> perIteration = new ArrayList<>();
      for (int i = 0; i < Math.max(1, settings.iterations()); i++) {
        perIteration.add(run(predictors, inputs, settings.measureSeconds()) * p.batch());
        jit.lap();
      }
      predictors.forEach(Predictor::close);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("threads", ThreadSettings.split(cpus, p.predictors()).toString());
      return ScenarioMeasurement.ofIterations(perIteration).withWarmup(warmup, jit.laps()).withAttributes(attrs);
    }
  }

  /**
   * Runs every predictor in its own thread for about the given time; returns completed calls per
   * second over the time they took. Calls in flight at the end finish and count, over the time they
   * took: a rate from whole calls over nominal seconds would move in steps of one batch per step
   * (about 6% for MobileNetV2 in half a second), a rate over the real time does not.
   */
  static double run(List<Predictor<NDList, NDList>> predictors, List<NDList> inputs, double seconds)
      throws InterruptedException {
    long start = System.nanoTime();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong calls = new AtomicLong();
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < predictors.size(); i++) {
      Predictor<NDList, NDList> pr = predictors.get(i);
      NDList in = inputs.get(i);
      Thread t = new Thread(() -> {
        try {
          while (!stop.get()) {
            pr.predict(in).close();
            calls.incrementAndGet();
          }
        } catch (Exception | Error e) {
          errors.add(e);
        }
      }, "offline-" + i);
      threads.add(t);
      t.start();
    }
    Thread.sleep((long) (seconds * 1000));
    stop.set(true);
    for (Thread t : threads) {
      t.join();
    }
    long elapsed = System.nanoTime() - start;
    if (!errors.isEmpty()) {
      throw new IllegalStateException("inference failed: " + errors.get(0), errors.get(0));
    }
    return calls.get() / (elapsed / 1e9);
  }
}
