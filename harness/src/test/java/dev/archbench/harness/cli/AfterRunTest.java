package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.runner.RunOutcome;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's own report shows what its record file holds. */
class AfterRunTest {
  private static final Path FIXTURES = Path.of("../reports/src/test/resources/records/v2");

  @Test
  void aSavedRunIsReportedFromTheRecordItHolds(@TempDir Path dir) throws Exception {
    assertThat(reportAfter(dir, true)).endsWith(" on c7i.xlarge");
  }

  /** Interrupted by Ctrl-C, then the last write failed: the first reason stays, the file is older. */
  @Test
  void aRunWhoseLastWriteFailedIsReportedFromTheFileNotFromMemory(@TempDir Path dir) throws Exception {
    assertThat(reportAfter(dir, false)).endsWith(" on c7g.xlarge");
  }

  /** The title of the Markdown report of a run whose file holds c7g's record and whose memory holds c7i's. */
  private static String reportAfter(Path dir, boolean saved) throws Exception {
    Path file = dir.resolve("run.json");
    Files.copy(FIXTURES.resolve("c7g-1.json"), file);
    RunRecord inMemory = RecordFiles.read(FIXTURES.resolve("c7i-1.json"));
    RunOutcome outcome = new RunOutcome(file, dir.resolve("run.log"), inMemory, saved,
        saved ? Optional.empty() : Optional.of(Interruption.Reason.SIGINT));
    StringWriter out = new StringWriter();
    AfterRun.report(outcome, new PrintWriter(out), new PrintWriter(new StringWriter()), true);
    assertThat(out.toString()).contains("report: ");
    return Files.readAllLines(dir.resolve("run.md")).get(0);
  }
}
