package dev.archbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The typed parts of a result: percentile keys, latency histograms, the version-1 upgrade. */
class ContractTypesTest {
  /** A record the version-1 harness wrote (commit 3de65f2), kept with the reports' fixtures. */
  static final Path V1 = Path.of("../reports/src/test/resources/records/v1/v1-smoke.json");

  @Test
  void percentileKeysAreOneTypeParsedInOnePlace() {
    assertThat(Percentile.parse("p99")).isEqualTo(Percentile.P99);
    assertThat(Percentile.parse("99.0")).isEqualTo(Percentile.P99);
    assertThat(Percentile.parse("P99.9").key()).isEqualTo("p99.9");
    assertThat(Percentile.MAX.key()).isEqualTo("p100");
    assertThat(List.of(Percentile.P99_9, Percentile.P50, Percentile.P99).stream().sorted().toList())
        .containsExactly(Percentile.P50, Percentile.P99, Percentile.P99_9);
    assertThatThrownBy(() -> Percentile.parse("high")).hasMessage("not a percentile: 'high' (expected e.g. p99 or p99.9)");
    assertThatThrownBy(() -> Percentile.parse("p101")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Json.write(Map.of(Percentile.P99, 1.5))).contains("\"p99\" : 1.5");
  }

  @Test
  void latencyIsHdrHistogramsOwnCompressedEncodingPerFork() throws Exception {
    Histogram a = Latency.newHistogram();
    Histogram b = Latency.newHistogram();
    for (int i = 1; i <= 1000; i++) {
      a.recordValue(i * 1000L);
      b.recordValue(i * 3000L);
    }
    Latency l = Latency.ofForks(List.of(a, b));
    assertThat(l.histogramUnit()).isEqualTo("ns");
    assertThat(l.histograms()).hasSize(2);
    // Decodes with HdrHistogram's own API, as any tool that reads HdrHistogram logs would.
    Histogram back = Histogram.decodeFromCompressedByteBuffer(
        java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder().decode(l.histograms().get(1))), 0);
    assertThat(back).isEqualTo(b);
    Histogram merged = l.merged();
    assertThat(merged.getTotalCount()).isEqualTo(2000);
    assertThat(l.percentilesMs().get(Percentile.P99)).isEqualTo(merged.getValueAtPercentile(99) / 1e6);
    assertThat(Json.mapper().readValue(Json.write(l), Latency.class)).isEqualTo(l);
    assertThatThrownBy(() -> Latency.decode("bm90IGEgaGlzdG9ncmFt")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionOneRecordsAreUpgradedInOnePlace() {
    RunRecord r = RecordFiles.read(V1);
    assertThat(r.schemaVersion()).isEqualTo(2);
    assertThat(RecordSchema.validate(r)).isEmpty();
    Map<String, BenchmarkResult> byName = new java.util.TreeMap<>();
    r.results().forEach(x -> byName.put(x.benchmark(), x));
    // Sample mode: the summary in us/op became ms, there are no histograms.
    BenchmarkResult sampled = byName.get("sum.latency");
    assertThat(sampled.latency().histograms()).isEmpty();
    assertThat(sampled.latency().percentilesMs().get(Percentile.P50)).isCloseTo(0.53 / 1000, org.assertj.core.api.Assertions.within(1e-12));
    // Model identity moved from attributes to the typed subject.
    BenchmarkResult inf = byName.get("singlestream.mlp.onnxruntime");
    assertThat(inf.subject().kind()).isEqualTo(Subject.Kind.MODEL);
    assertThat(inf.subject().sha256()).hasSize(64);
    // The web knee of this record found no rate within the bound (score 0): no knee, CPU split typed.
    BenchmarkResult knee = byName.get("knee.http");
    assertThat(knee.knee()).isNull();
    assertThat(knee.cpu()).isNull();
    assertThat(knee.secondary()).doesNotContainKeys("knee", "p99Target");
  }
}
