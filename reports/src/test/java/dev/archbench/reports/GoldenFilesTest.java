package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format, byte for byte, against checked-in golden files, under several default locales (a
 * German default would turn 1.5 into 1,5 if any number went through the default locale). Regenerate
 * with {@code -Darchbench.updateGolden=true} after an intended change and review the diff.
 */
class GoldenFilesTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private final Locale saved = Locale.getDefault();

  @AfterEach
  void restore() {
    Locale.setDefault(saved);
  }

  static List<Object[]> cases() {
    List<Object[]> out = new ArrayList<>();
    for (Locale l : List.of(Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("ar-EG"))) {
      for (ReportFormat.Type t : ReportFormat.Type.values()) {
        out.add(new Object[] {l, t});
      }
    }
    return out;
  }

  /**
   * The fixture comparison from real records (see {@link Fixtures}): two instance types, one with two
   * records, a priced laptop, a refused noisy CI run, and a version-1 record.
   */
  static Analysis fixtureAnalysis() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    recs.addAll(Fixtures.offCloudAndNoisy());
    recs.add(Fixtures.version1());
    return Reports.analyze(recs, List.of(), ReportOptions.defaults().withBaseline("c7i.xlarge")
        .withPrices(List.of(ManualPrice.parse("laptop=0.05"), ManualPrice.parse("v1-fixture=0.0836")))
        .withTargetLoads(List.of(TargetLoad.parse("web:json=250000rps@p99<10ms"), TargetLoad.parse("inference:mlp=100k ips@p99<100ms"))));
  }

  @ParameterizedTest(name = "{1} under {0}")
  @MethodSource("cases")
  void outputMatchesGoldenFile(Locale locale, ReportFormat.Type type) throws Exception {
    Locale.setDefault(locale);
    String out = Reports.render(fixtureAnalysis(), type);
    Path golden = GOLDEN.resolve(type.fileName());
    if (Boolean.getBoolean("archbench.updateGolden") && locale.equals(Locale.ROOT)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, out, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(golden)).as("golden file " + golden + " (create with -Darchbench.updateGolden=true)").isTrue();
    assertThat(out).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
