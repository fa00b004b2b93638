package dev.archbench.workloads.web.load;

import dev.archbench.workload.JitClock;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Warm-up, then measured iterations of a running {@link LoadGenerator}; used by the scenarios and the
 * fidelity tool alike so both measure the same way.
 *
 * @param warmup one interval per warm-up step, when the warm-up was measured as steps ({@link #series})
 * @param iterations one interval per measured iteration
 * @param cpu CPU split over all measured iterations
 * @param jitMillis per step, warm-up steps first, milliseconds this JVM spent compiling; null when
 *     not measured
 */
public record Measurement(List<Interval> warmup, List<Interval> iterations, CpuSplit cpu, List<Double> jitMillis) {

  public Measurement {
    warmup = List.copyOf(warmup);
    iterations = List.copyOf(iterations);
    jitMillis = jitMillis == null ? null : List.copyOf(jitMillis);
  }

  /** Warm-up for {@code warmupSeconds}, unmeasured, then {@code iterations} measured intervals. */
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
    return new Measurement(List.of(), measured, CpuSplit.between(start, meter.sample()), null);
  }

  /**
   * One series of equal steps, the warm-up measured like the rest (as a JMH fork with no warm-up of
   * its own is), with the JIT's time per step: the harness classifies the whole series and finds
   * where it became steady by evidence. Latencies and the CPU split cover the measured steps.
   */
  public static Measurement series(LoadGenerator gen, CpuSplit.Meter meter, int warmupSteps,
      double stepSeconds, int iterations) throws InterruptedException {
    JitClock jit = JitClock.start();
    gen.interval();
    List<Interval> warmup = new ArrayList<>();
    List<Interval> measured = new ArrayList<>();
    CpuSplit.Sample start = null;
    for (int i = 0; i < warmupSteps + iterations; i++) {
      if (i == warmupSteps) {
        start = meter.sample();
      }
      sleepSeconds(stepSeconds);
      (i < warmupSteps ? warmup : measured).add(gen.interval());
      jit.lap();
    }
    return new Measurement(warmup, measured, CpuSplit.between(start, meter.sample()), jit.laps());
  }

  /** All measured latencies together. */
  public Histogram latencies() {
    Histogram h = new Histogram(3);
    iterations.forEach(i -> h.add(i.latencies()));
    return h;
  }

  /** Wrong answers in every step, warm-up included: a wrong answer is wrong whenever it comes. */
  public long errors() {
    return warmup.stream().mapToLong(Interval::errors).sum() + iterations.stream().mapToLong(Interval::errors).sum();
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
      throw new IllegalStateException(what + ": " + errors() + " errors under load (wrong answers, timeouts or "
          + "closed connections), first: " + gen.firstError());
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
