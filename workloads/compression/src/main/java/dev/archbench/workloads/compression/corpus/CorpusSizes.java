package dev.archbench.workloads.compression.corpus;

import java.util.Arrays;

final class CorpusSizes {
  private CorpusSizes() {}

  /** Cuts generated output to the exact corpus size (generators overshoot by one record). */
  static byte[] exactly(byte[] generated, int size) {
    if (generated.length < size) {
      throw new IllegalStateException("generator produced " + generated.length + " < " + size);
    }
    return generated.length == size ? generated : Arrays.copyOf(generated, size);
  }
}
