package dev.archbench.workloads.inference.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.inference.engine.ModelUnderTest;
import dev.archbench.workloads.inference.engine.ThreadSettings;
import dev.archbench.workloads.inference.load.LatencyBoundSearch;
import dev.archbench.workloads.inference.load.LatencyBoundSearch.RatePoint;
import dev.archbench.workloads.inference.load.PoissonSchedule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * the measured service time; the search stops at the first rate over the bound.
 */
public final class ServerScenario implements Scenario {
  public static final double DEFAULT_BOUND_MS = 100;
  static final int STEPS = 6;

  @Override
  public BenchmarkResult run(Map<String, String> params, ScenarioSettings settings) throws Exception {
    ScenarioParams p = ScenarioParams.of(params);
    double bound = WorkloadOptions.get(WorkloadOptions.INFERENCE_LATENCY_BOUND_MS).map(Double::parseDouble)
        .orElse(DEFAULT_BOUND_MS);
    Instant started = Instant.now();
    int cpus = Runtime.getRuntime().availableProcessors();
    ThreadSettings threads = ThreadSettings.split(cpus, p.predictors());
    try (ModelUnderTest mut = ModelUnderTest.open(p.model(), p.engine(), p.device(), p.seqLen(), 1, threads,
        p.fpmath(), p.threadWait())) {
      BlockingQueue<Predictor<NDList, NDList>> pool = new ArrayBlockingQueue<>(p.predictors());
      for (int i = 0; i < p.predictors(); i++) {
        pool.add(mut.newPredictor());
      }
      mut.warmAndReport(pool.peek(), 1);
      NDList input = mut.input(1);
      double serviceSeconds = serviceTime(pool.peek(), input, Math.max(0.5, settings.warmupSeconds()));
      double capacity = p.predictors() / serviceSeconds;
      ResultNotes.metric("server.capacityEstimate", "req/s", true, capacity);
      List<RatePoint> points = new ArrayList<>();
      Map<String, BenchmarkResult.Metric> secondary = new LinkedHashMap<>();
      ExecutorService workers = Executors.newFixedThreadPool(p.predictors());
      try {
        int step = 0;
        for (double rate : LatencyBoundSearch.rates(capacity, STEPS)) {
          double p99 = measureRate(workers, pool, input, rate, settings.measureSeconds(), step);
          points.add(new RatePoint(rate, p99));
          secondary.put("p99.step" + (++step), new BenchmarkResult.Metric("ms", false, p99, null, null));
          secondary.put("rate.step" + step, new BenchmarkResult.Metric("req/s", true, rate, null, null));
          if (p99 > bound) {
            break;
          }
        }
      } finally {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
      }
      pool.forEach(Predictor::close);
      double best = LatencyBoundSearch.highestWithin(points, bound).map(RatePoint::ratePerSecond).orElse(0.0);
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("latencyBoundMs", Double.toString(bound));
      attrs.put("threads", threads.toString());
      return ScenarioParams.result(p.benchmarkName("server"), params, settings.threads(), "req/s", true,
          List.of(best), secondary, attrs, started);
    }
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

  /** Offers Poisson arrivals at one rate; returns the p99 latency in ms from scheduled arrival. */
  static double measureRate(ExecutorService workers, BlockingQueue<Predictor<NDList, NDList>> pool, NDList input,
      double rate, double seconds, long seed) throws Exception {
    long[] arrivals = PoissonSchedule.arrivals(rate, seconds, seed);
    Histogram h = new Histogram(3_600_000_000_000L, 3);
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
    return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99.0) / 1e6;
  }
}
