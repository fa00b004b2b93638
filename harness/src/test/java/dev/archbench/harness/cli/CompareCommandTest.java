package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  Path write(String name, RunRecord r) {
    Path p = dir.resolve(name);
    RecordFiles.create(p, r);
    return p;
  }

  @Test
  void significantSlowdownBeyondTheThresholdExitsThree() throws Exception {
    Path old = write("old.json", ReportFixtureRecords.record("c7g.xlarge", "aarch64", 1, 1.0));
    Path slow = write("new.json", ReportFixtureRecords.record("c7g.xlarge", "aarch64", 2, 0.8));
    Path md = dir.resolve("summary.md");
    CliRun r = CliRun.of("compare", old.toString(), slow.toString(), "--threshold", "5%", "--out", md.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.REGRESSION);
    assertThat(r.out()).containsPattern("\\*\\*\\d+ regressions beyond the threshold\\.\\*\\*").contains("| **regression** (");
    assertThat(Files.readString(md)).isEqualTo(r.out());

    CliRun loose = CliRun.of("compare", old.toString(), slow.toString(), "--threshold", "30%");
    assertThat(loose.exit()).isZero();
    assertThat(loose.out()).contains("significant, within threshold");
  }

  @Test
  void sameSpeedPassesAndBadThresholdIsAUsageError() {
    Path old = write("old.json", ReportFixtureRecords.record("c7g.xlarge", "aarch64", 1, 1.0));
    Path same = write("new.json", ReportFixtureRecords.record("c7g.xlarge", "aarch64", 2, 1.0));
    CliRun r = CliRun.of("compare", old.toString(), same.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("No significant regression beyond the threshold.");
    assertThat(CliRun.of("compare", old.toString(), same.toString(), "--threshold", "lots").exit()).isEqualTo(2);
    CliRun missing = CliRun.of("compare", old.toString(), dir.resolve("nope.json").toString());
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("archbench: " + dir.resolve("nope.json") + ": no such file" + System.lineSeparator());
  }
}
