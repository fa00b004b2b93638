package dev.archbench.random;

/**
 * The SplitMix64 generator: tiny, fast and fully specified, so a seed gives the same sequence on
 * every JVM and architecture (the JDK's generators and its doubles are not specified that tightly).
 * Generated corpora (their golden checksums) and report bootstraps (byte-identical reports) both
 * depend on that. Floating point uses {@link StrictMath} only.
 */
public final class SplitMix64 {
  /** The state increment (the golden ratio in 64 bits). */
  public static final long GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  /** The output function: one 64-bit value from a state. Hot loops step the state themselves. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public long nextLong() {
    return mix(state += GAMMA);
  }

  /** Uniform in [0, bound), by Lemire's multiply-shift (bias below 2^-32 for our small bounds). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Uniform in [min, max]. */
  public int between(int min, int max) {
    return min + nextInt(max - min + 1);
  }

  /** Uniform in [0, 1) with 53 random bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  public boolean chance(double p) {
    return nextDouble() < p;
  }

  /** Standard normal by Box-Muller with StrictMath, identical on every architecture. */
  public double nextGaussian() {
    double u = 1.0 - nextDouble(); // (0, 1]
    double v = nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
  }

  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  public double logNormal(double median, double sigma) {
    return median * StrictMath.exp(sigma * nextGaussian());
  }

  /** Exponential with the given mean. */
  public double exponential(double mean) {
    return -mean * StrictMath.log(1.0 - nextDouble());
  }

  public <T> T pick(T[] items) {
    return items[nextInt(items.length)];
  }

  public void nextBytes(byte[] out, int off, int len) {
    int i = off;
    int end = off + len;
    while (i < end) {
      long r = nextLong();
      for (int k = 0; k < 8 && i < end; k++, r >>>= 8) {
        out[i++] = (byte) r;
      }
    }
  }

  /** A stable 64-bit seed from text (FNV-1a). */
  public static long seedOf(String text) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < text.length(); i++) {
      h ^= text.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
