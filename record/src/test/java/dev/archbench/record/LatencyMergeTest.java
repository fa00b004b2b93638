package dev.archbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Latency merged fork by fork is the latency of all forks at once, to the byte of its JSON. */
class LatencyMergeTest {
  private static Histogram fork(long seed) {
    Histogram h = Latency.newHistogram();
    Random r = new Random(seed);
    for (int i = 0; i < 5_000; i++) {
      h.recordValue(50_000 + (long) (r.nextDouble() * r.nextDouble() * 40_000_000L * (seed + 1)));
    }
    return h;
  }

  @Test
  void mergingForksOneByOneIsBuildingFromAllForksAtOnce() {
    List<Histogram> forks = new ArrayList<>();
    Latency soFar = null;
    for (long seed = 0; seed < 6; seed++) {
      Histogram h = fork(seed);
      forks.add(h);
      Latency one = Latency.ofForks(List.of(h));
      soFar = soFar == null ? one : soFar.merge(one);
      Latency all = Latency.ofForks(forks);
      assertThat(soFar).isEqualTo(all);
      assertThat(Json.write(soFar)).isEqualTo(Json.write(all));
    }
    assertThat(soFar.histograms()).hasSize(6);
    assertThat(soFar.merged().getTotalCount()).isEqualTo(30_000);
    // Forks with different tails: the merged p99 is no single fork's, so the summary really was combined.
    assertThat(soFar.percentilesMs().get(Percentile.P99))
        .isNotEqualTo(Latency.ofForks(List.of(forks.get(0))).percentilesMs().get(Percentile.P99));
  }

  @Test
  void aLatencyReadFromItsJsonMergesLikeTheOneThatWroteIt() throws Exception {
    Latency first = Latency.ofForks(List.of(fork(1), fork(2)));
    Latency read = Json.mapper().readValue(Json.write(first), Latency.class);
    Latency next = Latency.ofForks(List.of(fork(3)));
    assertThat(read).isEqualTo(first);
    assertThat(Json.write(read.merge(next))).isEqualTo(Json.write(first.merge(next)))
        .isEqualTo(Json.write(Latency.ofForks(List.of(fork(1), fork(2), fork(3)))));
  }

  @Test
  void aSummaryOnlyLatencyMergesAsIfItHadNoForks() {
    Latency v1 = new Latency(Latency.NANOSECONDS, List.of(), java.util.Map.of(Percentile.P99, 1.5));
    Latency next = Latency.ofForks(List.of(fork(4)));
    assertThat(v1.merge(next)).isEqualTo(next);
  }

  @Test
  void mergedIsACopyTheCallerMayChange() {
    Latency l = Latency.ofForks(List.of(fork(5)));
    l.merged().recordValue(1);
    assertThat(l.merged().getTotalCount()).isEqualTo(5_000);
    assertThat(l.merge(Latency.ofForks(List.of(fork(6)))).merged().getTotalCount()).isEqualTo(10_000);
  }
}
