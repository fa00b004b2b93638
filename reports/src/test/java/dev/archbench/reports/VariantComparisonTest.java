package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.RunRecord;
import dev.archbench.record.VariantRun;
import dev.archbench.reports.RegressionCheck.Verdict;
import dev.archbench.reports.VariantComparison.Row;
import dev.archbench.reports.format.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code compare RECORD} and the reports on a record of a real run of variants (the baseline, an
 * identical variant, and one in the interpreter): the interpreter is a regression whatever the noise,
 * the pairs are the rounds the record lists, and the report draws the ratios.
 */
class VariantComparisonTest {
  @Test
  void theInterpretedVariantRegressesAndRowsComeFromTheRecordedRounds() {
    LoadedRecord rec = Fixtures.variants();
    RunRecord r = rec.record();
    VariantRun v = r.variants();
    VariantComparison.Result res = VariantComparison.compare(rec, 0.05);
    assertThat(res.variants()).isEqualTo(v.names());
    assertThat(res.rows()).hasSize(v.benchmarks().size() * (v.names().size() - 1));
    for (Row row : res.rows()) {
      int rounds = v.roundsOf(row.benchmark()).size();
      assertThat(row.rounds()).isEqualTo(rounds);
      assertThat(row.pairs()).isBetween(0, rounds);
      if ("interpreted".equals(row.variant())) {
        assertThat(row.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(row.ratio().upper()).isLessThan(0.5);
      }
      if (row.ratio() != null) {
        assertThat(row.detectable()).isPositive();
        assertThat(row.pValue()).isBetween(0.0, 1.0);
      }
    }
    assertThat(res.regressed()).isTrue();
    String md = VariantComparison.markdown(res, rec.file());
    assertThat(md).contains("baseline: `" + v.names().get(0) + "`").contains("| interpreted |")
        .contains("**regression**");
    assertThat(VariantComparison.csv(res).lines().skip(1)).hasSize(res.rows().size())
        .allMatch(l -> l.split(",").length >= 3);
  }

  @Test
  void aStricterThresholdNeverMakesFewerRegressions() {
    LoadedRecord rec = Fixtures.variants();
    long loose = VariantComparison.compare(rec, 0.99 - 1e-9).count(Verdict.REGRESSION);
    long strict = VariantComparison.compare(rec, 0.0).count(Verdict.REGRESSION);
    assertThat(strict).isGreaterThanOrEqualTo(loose);
    assertThat(VariantComparison.compare(rec, 0.0).rows()).as("deterministic")
        .isEqualTo(VariantComparison.compare(rec, 0.0).rows());
  }

  @Test
  void reportsDrawTheRatiosAndLeaveOtherReportsAsTheyWere() {
    Analysis a = Reports.analyze(List.of(Fixtures.variants()), List.of(), ReportOptions.defaults().withAllowNoisy(true));
    assertThat(a.variants()).singleElement().satisfies(s -> assertThat(s.rows()).isNotEmpty());
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(md).contains("## Variants on one host").contains("```\n");
    // The text plot: one line per row, the interval's brackets or its point, and 1 marked.
    String plot = md.substring(md.indexOf("```\n") + 4, md.indexOf("```", md.indexOf("```\n") + 4));
    assertThat(plot.lines().skip(1)).hasSize(a.variants().get(0).rows().size()).allMatch(l -> l.contains("o"));
    assertThat(Reports.render(a, ReportFormat.Type.JSON)).contains("\"variants\" : [");
    Analysis none = Reports.analyze(Fixtures.real(), List.of(), ReportOptions.defaults());
    assertThat(none.variants()).isEmpty();
    assertThat(Reports.render(none, ReportFormat.Type.JSON)).doesNotContain("\"variants\"");
  }

  @Test
  void anAnalysisComparesVariantsWithTheVerdictsOfItsOwnValidation() {
    // The analysis hands each result's validation to the comparison instead of checking (and decoding) it again.
    LoadedRecord rec = Fixtures.variants();
    Double t = rec.record().variants().threshold();
    double threshold = t == null ? VariantComparison.DEFAULT_THRESHOLD : t;
    Analysis a = Reports.analyze(List.of(rec), List.of(), ReportOptions.defaults().withAllowNoisy(true));
    assertThat(a.variants().get(0).rows()).isEqualTo(VariantComparison.compare(rec, threshold).rows());
    VariantComparison.Result told = VariantComparison.compare(rec, threshold, r -> "told so");
    assertThat(told.rows()).allSatisfy(row -> assertThat(row.note()).contains("told so"));
  }
}
