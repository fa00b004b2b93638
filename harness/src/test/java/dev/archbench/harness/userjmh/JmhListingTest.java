package dev.archbench.harness.userjmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.userjmh.JmhListing.Listed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code -lp} as JMH 1.21 and 1.37 print it for jmh-samples (fixtures are their real output). */
class JmhListingTest {

  @Test
  void readsTheBenchmarksAndParamsOfJmh137() throws IOException {
    List<Listed> listed = JmhListing.parse(fixture("list-1.37.txt"));
    assertThat(listed).hasSizeGreaterThan(80);
    assertThat(listed.get(0)).isEqualTo(new Listed("org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere", Map.of()));
    Listed params = listed.stream().filter(l -> l.name().endsWith("JMHSample_27_Params.bench")).findFirst().orElseThrow();
    assertThat(params.params()).containsExactly(
        Map.entry("arg", List.of("1", "31", "65", "101", "103")),
        Map.entry("certainty", List.of("0", "1", "2", "4", "8", "16", "32")));
    assertThat(listed).extracting(Listed::name).doesNotHaveDuplicates()
        .contains("org.openjdk.jmh.samples.JMHSample_35_Profilers.Maps.test");
  }

  @Test
  void readsTheOlderFormatOfJmh121() throws IOException {
    List<Listed> listed = JmhListing.parse(fixture("list-1.21.txt"));
    assertThat(listed).extracting(Listed::name)
        .contains("org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere")
        .allMatch(n -> n.startsWith("org.openjdk.jmh.samples."));
    assertThat(listed.stream().filter(l -> l.name().endsWith("JMHSample_34_SafeLooping.measureRight_1"))
        .findFirst().orElseThrow().params()).containsExactly(Map.entry("size", List.of("1", "10", "100", "1000")));
  }

  @Test
  void nothingWithoutTheHeaderAndWarningsBeforeItAreIgnored() {
    assertThat(JmhListing.parse("Error: Could not find or load main class org.openjdk.jmh.Main\n")).isEmpty();
    assertThat(JmhListing.parse("Benchmarks: \n")).isEmpty();
    assertThat(JmhListing.parse("OpenJDK 64-Bit Server VM warning: x.y\nBenchmarks: \na.B.c\n  param \"n\" = {1, 2}\nd.E.f\n"))
        .containsExactly(new Listed("a.B.c", Map.of("n", List.of("1", "2"))), new Listed("d.E.f", Map.of()));
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = JmhListingTest.class.getResourceAsStream("/userjmh/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
