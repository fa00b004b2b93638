package dev.archbench.reports.stats;

/**
 * SplitMix64: a tiny generator whose output is fixed by its definition, so that bootstrap intervals
 * are identical on every JDK and architecture (the JDK's generators are not specified that tightly).
 */
public final class SplitMix64 {
  private long state;

  public SplitMix64(long seed) {
    this.state = seed;
  }

  public long nextLong() {
    long z = (state += 0x9E3779B97F4A7C15L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, bound), by Lemire's multiply-shift (bias below 2^-32 for our small bounds). */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
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
