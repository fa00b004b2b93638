package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Latency;
import dev.archbench.record.Status;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Latency histograms decoded once per report: what a cell merges, and what validation refuses. */
class DecodedLatencyTest {
  private static BenchmarkResult withLatency(Latency latency) {
    return BenchmarkResult.builder("w/b@1", "w", "b").params(Map.of()).mode("scenario").threads(1).forks(1)
        .unit("req/s").higherIsBetter(true).score(100.0).rawData(List.of(List.of(100.0))).latency(latency)
        .secondary(Map.of()).attributes(Map.of()).startedAt("t0").endedAt("t1").status(Status.OK).build();
  }

  private static Histogram fork(long seed) {
    Histogram h = Latency.newHistogram();
    java.util.Random r = new java.util.Random(seed);
    for (int i = 0; i < 10_000; i++) {
      h.recordValue(200_000 + (long) (r.nextDouble() * r.nextDouble() * 90_000_000));
    }
    return h;
  }

  @Test
  void aResultsForksKeptAddedGiveTheSamePercentilesAsEveryForkAddedToTheHost() {
    List<Histogram> forks = List.of(fork(1), fork(2), fork(3));
    BenchmarkResult r = withLatency(Latency.ofForks(forks));
    DecodedLatency decoded = new DecodedLatency();
    assertThat(decoded.keep(r)).isNull();

    Histogram everyFork = Latency.newHistogram();
    r.latency().decodedForks().forEach(everyFork::add);
    Histogram viaKept = Latency.newHistogram();
    viaKept.add(decoded.of(r));
    assertThat(viaKept.getTotalCount()).isEqualTo(30_000);
    assertThat(Latency.summaryOf(viaKept)).isEqualTo(Latency.summaryOf(everyFork));
    assertThat(viaKept.getMaxValue()).isEqualTo(everyFork.getMaxValue());
  }

  @Test
  void aResultWithoutHistogramsKeepsNothing() {
    DecodedLatency decoded = new DecodedLatency();
    BenchmarkResult summaryOnly = withLatency(new Latency(Latency.NANOSECONDS, List.of(), Map.of()));
    assertThat(decoded.keep(summaryOnly)).isNull();
    assertThat(decoded.of(summaryOnly)).isNull();
  }

  @Test
  void aHistogramThatCannotBeDecodedOrMergedIsAProblemNotACrash() {
    DecodedLatency decoded = new DecodedLatency();
    BenchmarkResult garbage = withLatency(new Latency(Latency.NANOSECONDS, List.of("bm90IGEgaGlzdG9ncmFt"), Map.of()));
    assertThat(decoded.keep(garbage)).startsWith("latency histogram cannot be decoded (");
    assertThat(InputValidation.badNumbers(garbage)).isEqualTo(decoded.keep(garbage));

    // A foreign histogram with values beyond the hour archbench's histograms hold.
    Histogram wide = new Histogram(1, 100 * 3_600_000_000_000L, 3);
    wide.recordValue(7_200_000_000_000L);
    BenchmarkResult tooLong = withLatency(new Latency(Latency.NANOSECONDS, List.of(Latency.encode(wide)), Map.of()));
    assertThat(decoded.keep(tooLong)).isEqualTo("latency histogram holds values beyond the range of archbench's histograms");
    assertThat(decoded.of(tooLong)).isNull();
  }
}
