package dev.archbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.Analysis.PrecisionCell;
import dev.archbench.reports.RegressionCheck;
import dev.archbench.stats.Estimate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The percent formats: a share or precision ({@code percent}), a change between two values ({@code change}). */
class FmtTest {
  @Test
  void aFractionIsAPercentageWithThreeSignificantDigitsCappedAt999() {
    assertThat(Fmt.percent(0.019)).isEqualTo("1.9%");
    assertThat(Fmt.percent(0.0045)).isEqualTo("0.45%");
    assertThat(Fmt.percent(0.12345)).isEqualTo("12.3%");
    assertThat(Fmt.percent(0.05)).isEqualTo("5%");
    assertThat(Fmt.percent(5)).isEqualTo("500%");
    assertThat(Fmt.percent(10.5)).isEqualTo(">999%");
  }

  @Test
  void aBusyShareIsAWholePercentage() {
    assertThat(Fmt.wholePercent(0.344)).isEqualTo("34%");
    assertThat(Fmt.wholePercent(0.816)).isEqualTo("82%");
    assertThat(Fmt.wholePercent(1)).isEqualTo("100%");
  }

  @Test
  void aComparisonsPrecisionInWords() {
    assertThat(CompareText.precision(new RegressionCheck.Reached(0.018, 0.02, false))).isEqualTo("±1.8% of ±2%");
    assertThat(CompareText.precision(new RegressionCheck.Reached(0.034, 0.02, true))).isEqualTo("±3.4% of ±2% (missed)");
    assertThat(CompareText.precision(new RegressionCheck.Reached(Double.NaN, null, false))).isEqualTo("–");
  }

  @Test
  void aRatioIsASignedChange() {
    assertThat(Fmt.change(1.123)).isEqualTo("+12%");
    assertThat(Fmt.change(0.955)).isEqualTo("-4.5%");
    assertThat(Fmt.change(1.0)).isEqualTo("±0%");
    assertThat(Fmt.changeEst(new Estimate(1.1, 1.05, 1.2))).isEqualTo("+10% (+5% to +20%)");
  }

  @Test
  void aCellsPrecisionInWords() {
    assertThat(Views.precisionText(new PrecisionCell(0.02, 0.019, List.of("target-met"), 0, 0)))
        .isEqualTo("±1.9% of ±2% (target-met)");
    assertThat(Views.precisionText(new PrecisionCell(0.02, 0.034, List.of("budget"), 1, 0)))
        .isEqualTo("±3.4% of ±2%, missed in 1 record (budget)");
    assertThat(Views.precisionText(new PrecisionCell(null, null, List.of(), 0, 2)))
        .isEqualTo("no interval; 2 forks not steady, left out");
  }
}
