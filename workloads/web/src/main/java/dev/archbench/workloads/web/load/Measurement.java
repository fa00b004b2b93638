package dev.archbench.workloads.web.load;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Warm-up, then measured iterations of a running {@link LoadGenerator}; used by the scenarios and the
 * fidelity tool alike so both measure the same way.
 *
 * @param iterations one interval per measured iteration
 * @param cpu CPU split over all measured iterations
 */
public record Measurement(List<Interval> iterations, CpuSplit cpu) {

  public static Measurement run(LoadGenerator gen, CpuSplit.Meter meter, double warmupSeconds,
      double measureSeconds, int iterations) throws InterruptedException {
    sleepSeconds(warmupSeconds);
    gen.interval();
    CpuSplit.Sample start = meter.sample();
    List<Interval> measured = new ArrayList<>();
    for (int i = 0; i < iterations; i++) {
      sleepSeconds(measureSeconds);
      measured.add(gen.interval());
    }
    return new Measurement(measured, CpuSplit.between(start, meter.sample()));
  }

  /** All measured latencies together. */
  public Histogram latencies() {
    Histogram h = new Histogram(3);
    iterations.forEach(i -> h.add(i.latencies()));
    return h;
  }

  public long errors() {
    return iterations.stream().mapToLong(Interval::errors).sum();
  }

  public long completed() {
    return iterations.stream().mapToLong(Interval::completed).sum();
  }

  public double seconds() {
    return iterations.stream().mapToLong(Interval::elapsedNanos).sum() / 1e9;
  }

  /** Mean throughput over all iterations (answers per second). */
  public double throughput() {
    return completed() / seconds();
  }

  /** Fails with the generator's first error when any answer was wrong. */
  public Measurement requireNoErrors(LoadGenerator gen, String what) {
    if (errors() > 0) {
      throw new IllegalStateException(what + ": " + errors() + " wrong answers under load, first: "
          + gen.firstError());
    }
    return this;
  }

  static void sleepSeconds(double s) throws InterruptedException {
    long ms = Math.round(s * 1000);
    if (ms > 0) {
      Thread.sleep(ms);
    }
  }
}
