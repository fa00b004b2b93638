package dev.archbench.workloads.compression.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The corpora behave like the data they stand for: gzip -6 ratios in the bands real data of that
 * kind shows, and the structure (word frequencies, JSON, CSV fields) that produces those ratios.
 */
class CorpusRealismTest {
  static Map<GeneratedCorpus, byte[]> data = new HashMap<>();

  @BeforeAll
  static void generate() {
    for (GeneratedCorpus g : GeneratedCorpus.values()) {
      data.put(g, g.corpus().data());
    }
  }

  static double gzip6Ratio(byte[] in) {
    Deflater d = new Deflater(6, true);
    d.setInput(in);
    d.finish();
    byte[] buf = new byte[1 << 16];
    long out = 0;
    while (!d.finished()) {
      out += d.deflate(buf);
    }
    d.end();
    return (double) in.length / out;
  }

  @Test
  void gzipRatiosAreInRealisticBands() {
    // Real English prose: ~2.5-3 with gzip -6; access logs 5-12; CSV metrics 3-8; mixed binary
    // records 1.3-3; random data does not compress.
    assertThat(gzip6Ratio(data.get(GeneratedCorpus.TEXT))).isBetween(2.0, 3.5);
    assertThat(gzip6Ratio(data.get(GeneratedCorpus.JSON_LOGS))).isBetween(4.0, 12.0);
    assertThat(gzip6Ratio(data.get(GeneratedCorpus.CSV_TELEMETRY))).isBetween(3.0, 8.0);
    assertThat(gzip6Ratio(data.get(GeneratedCorpus.BINARY))).isBetween(1.3, 3.0);
    assertThat(gzip6Ratio(data.get(GeneratedCorpus.RANDOM))).isBetween(0.99, 1.001);
  }

  @Test
  void textFollowsZipfWithARealVocabulary() {
    String text = new String(data.get(GeneratedCorpus.TEXT), StandardCharsets.US_ASCII);
    String[] words = text.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+");
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      if (!w.isEmpty()) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    List<Integer> sorted = counts.values().stream().sorted((a, b) -> b - a).toList();
    double total = sorted.stream().mapToInt(Integer::intValue).sum();
    assertThat(counts.size()).as("distinct words").isGreaterThan(10_000);
    // In English "the" is ~5-7% of words and about 4-6x as frequent as the 10th word.
    assertThat(counts.get("the") / total).isBetween(0.04, 0.09);
    assertThat((double) sorted.get(0) / sorted.get(9)).isBetween(3.0, 9.0);
    double meanLength = Arrays.stream(words).filter(w -> !w.isEmpty())
        .mapToInt(String::length).average().orElse(0);
    assertThat(meanLength).isBetween(3.5, 6.5);
  }

  @Test
  void jsonLogsAreValidJsonLinesWithAMostlySuccessfulStatusMix() throws Exception {
    String[] lines = new String(data.get(GeneratedCorpus.JSON_LOGS), StandardCharsets.US_ASCII)
        .split("\n");
    int ok = 0;
    int parsed = 0;
    for (int i = 0; i < lines.length - 1; i++) { // the last line is cut at 4 MiB
      JsonNode n = Json.mapper().readTree(lines[i]);
      parsed++;
      assertThat(n.get("ts").asText()).matches("2026-01-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
      if (n.get("status").asInt() < 400) {
        ok++;
      }
    }
    assertThat(parsed).isGreaterThan(5000);
    assertThat((double) ok / parsed).isBetween(0.85, 0.97);
  }

  @Test
  void csvHasTenNumericallyPlausibleFieldsPerRow() {
    String[] lines = new String(data.get(GeneratedCorpus.CSV_TELEMETRY),
        StandardCharsets.US_ASCII).split("\n");
    assertThat(lines[0]).startsWith("timestamp,device_id,");
    for (int i = 1; i < lines.length - 1; i++) {
      String[] f = lines[i].split(",");
      assertThat(f).hasSize(10);
      double temp = Double.parseDouble(f[3]);
      assertThat(temp).isBetween(-11.0, 46.0);
      assertThat(Double.parseDouble(f[6])).isBetween(3.2, 4.3);
      assertThat(Integer.parseInt(f[7])).isBetween(-110, -35);
    }
  }

  @Test
  void fixedPointFormattingIsLocaleFree() {
    Ascii a = new Ascii(16);
    a.fixed(-1.005, 2).add(' ').fixed(21.375, 1).add(' ').fixed(3.0, 3).add(' ').padded(7, 3);
    assertThat(new String(a.bytes(), StandardCharsets.US_ASCII)).isEqualTo("-1.00 21.4 3.000 007");
  }
}
