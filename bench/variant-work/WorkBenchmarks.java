package archbench.variantcheck;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The benchmarks of bench/variant-check.sh: ten operations, five bound by the core's registers and
 * arithmetic, five by memory (caches missed on purpose). Every operation repeats its step
 * {@code Work.PERCENT}% of a fixed count: the jars the script builds differ in that one constant
 * (100, 100, 105, 110), so a variant with 105 really does 5% more work per operation, through the
 * same code, the same JIT and the same caches. What a comparison finds is then a real slowdown, not an
 * edited number.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class WorkBenchmarks {
  /** Steps per operation at 100%: about 20 to 200 µs per operation on a current core. */
  static final int STEPS = 20_000 * Work.PERCENT / 100;
  /** 32 MiB of ints: past the last-level cache of most cloud instances' share. */
  static final int BIG = 8 << 20;

  int[] chain;
  int[] table;
  long[] longs;
  double[] doubles;
  int start;

  @Setup
  public void setUp() {
    SplittableRandom r = new SplittableRandom(42);
    // A single random cycle through the whole array (Sattolo): every load depends on the last.
    chain = new int[BIG];
    for (int i = 0; i < BIG; i++) {
      chain[i] = i;
    }
    for (int i = BIG - 1; i > 0; i--) {
      int j = r.nextInt(i);
      int t = chain[i];
      chain[i] = chain[j];
      chain[j] = t;
    }
    table = new int[BIG];
    longs = new long[BIG / 2];
    for (int i = 0; i < longs.length; i++) {
      longs[i] = r.nextLong();
    }
    doubles = new double[1 << 12];
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = r.nextDouble();
    }
    start = r.nextInt(BIG);
  }

  // Register-bound: the data fits in registers or the first-level cache.

  @Benchmark
  public long mix64() {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < STEPS; i++) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 29;
    }
    return x;
  }

  @Benchmark
  public double polynomial() {
    double x = 0.5;
    double acc = 0;
    for (int i = 0; i < STEPS; i++) {
      acc = ((acc * x + 1.25) * x - 0.75) * x + 0.125;
      x = x * 0.999999 + 1e-7;
    }
    return acc;
  }

  @Benchmark
  public long divisions() {
    long acc = 1;
    for (int i = 1; i <= STEPS / 4; i++) {
      acc += (acc * 31 + i) / (i | 1) % 1_000_003;
    }
    return acc;
  }

  @Benchmark
  public int crc() {
    int c = 0xFFFFFFFF;
    for (int i = 0; i < STEPS / 2; i++) {
      c ^= i;
      for (int k = 0; k < 4; k++) {
        c = (c >>> 1) ^ (0xEDB88320 & -(c & 1));
      }
    }
    return c;
  }

  @Benchmark
  public double smallTable() {
    double s = 0;
    int m = doubles.length - 1;
    for (int i = 0; i < STEPS; i++) {
      s += doubles[(i * 7) & m];
    }
    return s;
  }

  // Memory-bound: each step misses the caches.

  @Benchmark
  public int pointerChase() {
    int p = start;
    for (int i = 0; i < STEPS / 8; i++) {
      p = chain[p];
    }
    start = p;
    return p;
  }

  @Benchmark
  public int scatter() {
    int p = start;
    for (int i = 0; i < STEPS / 4; i++) {
      p = (p * 1103515245 + 12345) & (BIG - 1);
      table[p]++;
    }
    start = p;
    return p;
  }

  @Benchmark
  public long strided() {
    long s = 0;
    int n = longs.length;
    int at = start & (n - 1);
    for (int i = 0; i < STEPS / 4; i++) {
      at = (at + 16) & (n - 1); // a new 128-byte line every load
      s += longs[at];
    }
    start = at;
    return s;
  }

  @Benchmark
  public long stream() {
    long s = 0;
    int n = longs.length;
    int at = start & (n - 1);
    for (int i = 0; i < STEPS * 2; i++) {
      s += longs[(at + i) & (n - 1)];
    }
    start = (at + STEPS * 2) & (n - 1);
    return s;
  }

  @Benchmark
  public int gather() {
    int s = 0;
    int p = start;
    for (int i = 0; i < STEPS / 8; i++) {
      p = (p * 1664525 + 1013904223) & (BIG - 1);
      s += chain[p];
    }
    start = p;
    return s;
  }
}
