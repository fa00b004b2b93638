package dev.archbench.workloads.compression.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.random.SplitMix64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The corpora's bytes are a contract: identical everywhere, or results are not comparable. */
class GeneratedCorpusTest {
  /** First generated on x86_64 (JDK 17), confirmed identical on aarch64 under qemu. */
  static final Map<String, String> GOLDEN = Map.of(
      "json-logs", "bd060ce742d5ab3de51be4b96f9826122d241ddb974d0bdae21a510bddf4fedc",
      "text", "2e7a5645dc8c9c2e0d317e5e65c21698d86e0993130e4eca0ef1221abf6b9f80",
      "csv-telemetry", "97da92110afd04a7bb83147af44de6da99453f99c65781bcfee811d401d4fe41",
      "binary", "5785a26371b61e7ec4c5dd62bdfd9d8dc4cf3fed714e7a95f9568b5b92ae5058",
      "random", "942f3f5572d689f15976d7de1512d706e3e3e24b33ae9c566888914c83846ab9");

  @ParameterizedTest
  @EnumSource(GeneratedCorpus.class)
  void bytesMatchTheGoldenChecksum(GeneratedCorpus g) {
    Corpus c = g.corpus();
    assertThat(c.size()).isEqualTo(GeneratedCorpus.SIZE);
    assertThat(c.sha256()).isEqualTo(GOLDEN.get(g.id()));
    assertThat(GoldenChecksums.of(g.id())).as("resource used by SelfCheck").isEqualTo(c.sha256());
  }

  @Test
  void differentSizesShareThePrefixOfTheStream() {
    byte[] small = GeneratedCorpus.CSV_TELEMETRY.generate(1000);
    byte[] full = GeneratedCorpus.CSV_TELEMETRY.corpus().data();
    assertThat(small).hasSize(1000);
    assertThat(java.util.Arrays.copyOf(full, 1000)).isEqualTo(small);
  }

  @Test
  void idsAreUniqueAndResolvable() {
    for (GeneratedCorpus g : GeneratedCorpus.values()) {
      assertThat(GeneratedCorpus.byId(g.id())).isSameAs(g);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GeneratedCorpus.byId("silesia"))
        .hasMessage("unknown corpus 'silesia'");
  }

  @Test
  void splitMixMatchesTheReferenceSequence() {
    // Vigna's splitmix64 seeded with 0 starts with 0xE220A8397B1DCDAF; the JDK's
    // SplittableRandom (unsplit) is the same algorithm, so it must agree on every value.
    SplitMix64 r = new SplitMix64(0);
    assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
    java.util.SplittableRandom jdk = new java.util.SplittableRandom(0x1234L);
    SplitMix64 ours = new SplitMix64(0x1234L);
    for (int i = 0; i < 1000; i++) {
      assertThat(ours.nextLong()).isEqualTo(jdk.nextLong());
    }
  }
}
