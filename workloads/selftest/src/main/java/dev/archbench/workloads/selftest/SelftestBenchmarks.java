package dev.archbench.workloads.selftest;

import dev.archbench.workload.ResultNotes;
import java.util.SplittableRandom;
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
 * The harness's own benchmarks: tiny, real computations that prove the runner end to end (JMH
 * forks, parameters, thread counts, sampled percentiles, result notes) and one that fails on
 * purpose so that the failure path is exercised too. Not a measurement of anything users care about.
 *
 * <p>Pitfall avoided: results are returned (consumed by JMH's blackhole), so the JIT cannot remove
 * the work; the checksum is validated in teardown, outside the timed part.
 */
@State(Scope.Thread)
public class SelftestBenchmarks {
  /** Number of longs summed per operation. */
  @Param({"1000"})
  public int size;

  private long[] values;
  private long expected;
  private long lastSum;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    values = new long[size];
    for (int i = 0; i < size; i++) {
      values[i] = random.nextLong(1_000_000);
      expected += values[i];
    }
    ResultNotes.current().attribute("implementation", "plain Java loop over long[" + size + "]");
    ResultNotes.current().metric("inputBytes", "bytes", true, size * (double) Long.BYTES);
  }

  /** Sums {@code size} longs: a tiny, real, CPU-bound operation. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long sum() {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    lastSum = s;
    return s;
  }

  /** The same operation in sample mode, so that percentiles reach the record. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long sumLatency() {
    return sum();
  }

  /** Fails every time, after a short real computation: the harness must record it and go on. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long fails() {
    if (sum() >= 0) {
      throw new IllegalStateException("selftest: deliberate failure (tests the failed-benchmark path)");
    }
    return 0;
  }

  @TearDown(Level.Trial)
  public void validate() {
    if (lastSum != 0 && lastSum != expected) {
      throw new IllegalStateException("selftest: wrong sum " + lastSum + ", expected " + expected);
    }
  }
}
