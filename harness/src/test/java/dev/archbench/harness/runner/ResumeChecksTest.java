package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.JmhOptions;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import dev.archbench.harness.runner.lifecycle.RunLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.harness.cli.UserException;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code --resume} refuses, before anything runs. */
class ResumeChecksTest {
  private static final String ID = "123e4567-e89b-12d3-a456-426614174000";
  @TempDir Path dir;

  private Path record(String arch, String status) {
    // Same arch: this very host (resume also checks the host id); other arch: a fixture host.
    Host host = arch.equals(Runs.localHost().arch()) ? Runs.localHost() : RecordFixtures.host(arch, "c7g.xlarge");
    RunInfo run = new RunInfo(ID, "2026-11-27T10:00:00Z", null, status, "dev", null,
        List.of("archbench", "run", "--workloads", "selftest", "--profile", "smoke"), "smoke", null, false, List.of());
    Path file = dir.resolve(ID + ".json");
    RecordFiles.create(file, RunRecord.start(host, run));
    return file;
  }

  private UserException resume(Path file) {
    Runs runs = Runs.capture();
    try {
      Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")), "--resume", file.toString());
    } catch (UserException e) {
      return e;
    }
    throw new AssertionError("resume ran: " + runs.err);
  }

  @Test
  void aRunStillInProgressElsewhereIsNotResumed() {
    Path file = record(Runs.localHost().arch(), RunInfo.RUNNING);
    try (RunLock held = RunLock.acquire(new RunFiles(dir, ID))) {
      UserException e = resume(file);
      assertThat(e.getMessage()).isEqualTo("run " + ID + " is in progress in another archbench process");
      assertThat(e.exitCode()).isEqualTo(2);
    }
    assertThat(RecordFiles.read(file).results()).isEmpty();
  }

  @Test
  void aRecordFromAnotherArchitectureIsRefused() {
    String other = "x86_64".equals(Runs.localHost().arch()) ? "aarch64" : "x86_64";
    assertThat(resume(record(other, RunInfo.INTERRUPTED)).getMessage())
        .endsWith("the run was made on " + other + ", this host is " + Runs.localHost().arch()
            + "; resume it on the same kind of host");
  }

  @Test
  void aCompletedRunIsNotResumed() {
    assertThat(resume(record(Runs.localHost().arch(), RunInfo.COMPLETED)).getMessage())
        .endsWith("run " + ID + " is already completed");
  }

  /** A record of this host started at {@code startedAt} whose selection matches nothing: resume stops at the plan. */
  private Path unmatched(String startedAt, String... budget) {
    List<String> cl = new java.util.ArrayList<>(List.of("archbench", "run", "--workloads", "selftest", "--profile",
        "smoke", "--include", "matches-no-benchmark"));
    cl.addAll(List.of(budget));
    RunInfo run = new RunInfo(ID, startedAt, null, RunInfo.INTERRUPTED, "dev", null, cl, "smoke", null, false,
        List.of());
    Path file = dir.resolve(ID + ".json");
    RecordFiles.replace(file, RunRecord.start(Runs.localHost(), run));
    return file;
  }

  private String resumeNote(Path file, String... more) {
    Runs runs = Runs.capture();
    List<String> args = new java.util.ArrayList<>(List.of("--resume", file.toString()));
    args.addAll(List.of(more));
    assertThatThrownBy(() -> Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")),
        args.toArray(new String[0]))).isInstanceOf(UserException.class).hasMessageStartingWith("nothing to run");
    return runs.err.toString();
  }

  @Test
  void aResumedRunKeepsTheOriginalDeadline() {
    // smoke's budget is 4 minutes: long over for a run started in 2026-11.
    assertThat(resumeNote(unmatched("2026-11-27T10:00:00Z")))
        .contains("the original budget of the run ended at 2026-11-27T10:04:00Z");
    java.time.Instant started = java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    assertThat(resumeNote(unmatched(started.toString(), "--budget", "1h")))
        .contains("left of the original budget (until " + started.plusSeconds(3600) + ";");
  }

  @Test
  void budgetGivenAgainReplacesTheOriginalDeadline() {
    assertThat(resumeNote(unmatched("2026-11-27T10:00:00Z"), "--budget", "10m")).doesNotContain("original budget");
  }

  @Test
  void anUnreadableRecordIsAUsageError() throws Exception {
    Path file = java.nio.file.Files.writeString(dir.resolve(ID + ".json"), "{\"schemaVersion\": 2, \"tampered");
    assertThat(resume(file)).satisfies(e -> {
      assertThat(e.exitCode()).isEqualTo(2);
      assertThat(e.getMessage()).startsWith(file + ": not valid JSON");
    });
  }

  @Test
  void forkCountZeroIsRefused() {
    assertThatThrownBy(() -> JmhOptions.parse("-f 0")).hasMessageContaining("-f 0 (benchmarks run in forked JVMs");
  }
}
