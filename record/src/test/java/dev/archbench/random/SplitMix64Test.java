package dev.archbench.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
  @Test
  void splitMixMatchesItsReferenceOutput() {
    // First outputs of SplitMix64 seeded with 1234567 (reference values of the published algorithm).
    SplitMix64 r = new SplitMix64(1234567);
    assertThat(r.nextLong()).isEqualTo(6457827717110365317L);
    assertThat(r.nextLong()).isEqualTo(3203168211198807973L);
  }
}
