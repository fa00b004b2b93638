package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsHelpTest {
  @Test
  void helpListsEveryOptionOfTheIssue() {
    CliRun r = CliRun.of("report", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("--format", "--out", "--baseline", "--price", "--prices", "--spot-prices",
        "--pricing", "--allow-noisy", "--strict", "--target-load", "--site");
    assertThat(CliRun.of("compare", "--help").out()).contains("--threshold").contains("Exit code 3");
    assertThat(CliRun.of("prices", "import", "--help").out()).contains("bulk offer file").contains("--out");
  }
}
