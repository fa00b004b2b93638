package dev.archbench.workloads.inference.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.record.Knee;
import dev.archbench.record.Knee.Step;
import dev.archbench.record.Latency;
import dev.archbench.record.Percentile;
import dev.archbench.workload.ForkContext;
import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.load.LatencyBoundSearch;
import dev.archbench.workloads.inference.load.PoissonSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * MLPerf's server scenario: batch-1 requests arrive as a Poisson process at increasing rates; each
 * request's latency is measured from its scheduled arrival (so queueing counts and coordinated
 * omission does not hide it). The score is the highest rate whose p99 stays within the bound
 * ({@code --latency-bound-ms}, default 100 ms). Rates are fractions of the capacity estimated from
 * the measured service time; the search stops at the first rate over the bound. The result's
 * {@code knee} is that rate with its bound (a lower bound when every rate tried met it), and its
 * latency is the histogram at that rate.
 */
public final class ServerScenario implements Scenario {
  public static final double DEFAULT_BOUND_MS = 100;
  static final int STEPS = 6;

  @Override
  public ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) throws Exception {
    ScenarioParams p = ScenarioParams.of(params);
    ForkContext fork = ForkContext.current();
    double bound = fork.option(WorkloadOptions.INFERENCE_LATENCY_BOUND_MS).map(Double::parseDouble)
        .orElse(DEFAULT_BOUND_MS);
    int cpus = Runtime.getRuntime().availableProcessors();
    ThreadSettings threads = ThreadSettings.split(cpus, p.predictors());
    try (ModelUnderTest mut = ModelUnderTest.open(fork, p.model(), p.engine(), p.device(),
        p.seqLen(), 1, threads, p.fpmath(), p.threadWait())) {
      BlockingQueue<Predictor<NDList, NDList>> pool = new ArrayBlockingQueue<>(p.predictors());
      for (int i = 0; i < p.predictors(); i++) {
        pool.add(mut.newPredictor());
      }
      mut.warmAndReport(pool.peek(), 1);
      NDList input = mut.input(1);
      double serviceSeconds = serviceTime(pool.peek(), input, Math.max(0.5, settings.warmupSeconds()));
      double capacity = p.predictors() / serviceSeconds;
      ResultNotes.of(fork).metric("server.capacityEstimate", "req/s", true, capacity);
      List<Step> points = new ArrayList<>();
      Map<Double, Histogram> latencyByRate = new LinkedHashMap<>();
      ExecutorService workers = Executors.newFixedThreadPool(p.predictors());
      try {
        int step = 0;
        for (double rate : LatencyBoundSearch.rates(capacity, STEPS)) {
          long t0 = System.nanoTime();
          Histogram h = measureRate(workers, pool, input, rate, Knee.STEP_SECONDS, step++);
          double answered = h.getTotalCount() / ((System.nanoTime() - t0) / 1e9);
          double p99 = Latency.millis(h, Percentile.P99);
          points.add(new Step(rate, answered, Latency.millis(h, Percentile.P50), p99, 0));
          latencyByRate.put(rate, h);
          if (p99 > bound) {
            break;
          }
        }
      } finally {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
      }
      pool.forEach(Predictor::close);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("threads", threads.toString());
      attrs.put("steps", describe(points));
      OptionalDouble best = LatencyBoundSearch.highestWithin(points, bound)
          .map(pt -> OptionalDouble.of(pt.offered())).orElse(OptionalDouble.empty());
      Knee knee = Knee.ofSearch(best, points, "req/s", Percentile.P99, bound, Knee.STEP_SECONDS);
      double rate = knee.rates().get(0);
      return ScenarioMeasurement.ofIterations(List.of(rate)).withAttributes(attrs)
          .withLatency(Latency.ofForks(List.of(latencyByRate.get(rate))))
          .withKnee(knee);
    }
  }

  private static String describe(List<Step> points) {
    StringBuilder sb = new StringBuilder();
    for (Step pt : points) {
      sb.append(sb.length() == 0 ? "" : "; ")
          .append(String.format(Locale.ROOT, "%.1f req/s -> p99 %.3f ms", pt.offered(), pt.p99Ms()));
    }
    return sb.toString();
  }

  static double serviceTime(Predictor<NDList, NDList> predictor, NDList input, double seconds) throws Exception {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long n = 0;
    long t0 = System.nanoTime();
    do {
      predictor.predict(input).close();
      n++;
    } while (System.nanoTime() < end);
    return (System.nanoTime() - t0) / 1e9 / n;
  }

  /** Offers Poisson arrivals at one rate; returns the latencies (ns) from scheduled arrival. */
  static Histogram measureRate(ExecutorService workers, BlockingQueue<Predictor<NDList, NDList>> pool, NDList input,
      double rate, double seconds, long seed) throws Exception {
    long[] arrivals = PoissonSchedule.arrivals(rate, seconds, seed);
    Histogram h = Latency.newHistogram();
    List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
    long start = System.nanoTime();
    for (long offset : arrivals) {
      long due = start + offset;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      pending.add(workers.submit(() -> {
        Predictor<NDList, NDList> pr = pool.take();
        try {
          pr.predict(input).close();
        } finally {
          pool.add(pr);
        }
        long latency = System.nanoTime() - due;
        synchronized (h) {
          h.recordValue(Math.max(1, latency));
        }
        return null;
      }));
    }
    for (var f : pending) {
      f.get();
    }
    return h;
  }
}
