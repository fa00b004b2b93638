package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.harness.runner.MisbehavingService.Fault;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with {@code --target}: a service that answers the checks before the load and then
 * stops answering, cuts an answer short, or dies ({@link MisbehavingService}). Each benchmark must be
 * recorded as failed with one line that says what the service did, the next benchmark must still
 * run, the run must end with exit 1 and a complete record, and the console must show no stack trace.
 */
class UserServiceFaultsTest {
  /** Answers before the fault: archbench's check, the scenario's check, then a few under load. */
  private static final int GOOD_ANSWERS = 5;

  @TempDir Path dir;

  @Test
  void aServiceThatStopsAnsweringFailsEachBenchmarkWithATimeoutInsteadOfHanging() throws Exception {
    List<BenchmarkResult> results = runAgainst(Fault.NEVER_ANSWERS);
    assertThat(results).allSatisfy(r -> assertThat(r.reason()).contains("no answer to GET / (timed out after 10 s)"));
  }

  @Test
  void aServiceThatClosesMidAnswerFailsWithThatReason() throws Exception {
    List<BenchmarkResult> results = runAgainst(Fault.CLOSES_MID_ANSWER);
    assertThat(results.get(0).reason()).contains("errors under load")
        .contains("the service closed the connection in the middle of an answer");
    assertThat(results.get(1).reason()).contains("the connection closed in the middle of the answer");
  }

  @Test
  void aServiceThatDiesMidRunFailsThisBenchmarkAndTheNextOneCannotConnect() throws Exception {
    List<BenchmarkResult> results = runAgainst(Fault.DIES);
    assertThat(results.get(0).reason()).contains("the service closed the connection before answering");
    assertThat(results.get(1).reason()).contains("no answer to GET /").contains("Connection refused");
  }

  /** Runs the two closed-loop benchmarks against a service with {@code fault}; returns their results in order. */
  private List<BenchmarkResult> runAgainst(Fault fault) throws Exception {
    try (MisbehavingService service = MisbehavingService.start(fault, GOOD_ANSWERS)) {
      Runs runs = Runs.capture();
      Path out = dir.resolve("out");
      int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), Files.createDirectories(dir.resolve("roots"))),
          "--target", service.url(), "--include", "closed", "--profile", "smoke", "--order", "sequential",
          "--jmh", UserServiceRunTest.TINY, "--out", out.toString(), "--progress", "plain");
      String console = runs.out + "\n" + runs.err;
      assertThat(exit).as(console).isEqualTo(ExitCodes.FAILURE);
      assertThat(console).as("no stack trace on the console").doesNotContain("\tat ")
          .doesNotContain("Exception in thread");
      assertThat(service.requests()).as("the fault came after the checks, under load").isGreaterThan(GOOD_ANSWERS);
      RunRecord rec = RecordFiles.read(Runs.recordIn(out));
      assertThat(rec.run().status()).isEqualTo(RunInfo.COMPLETED);
      assertThat(rec.results()).extracting(BenchmarkResult::benchmark).containsExactly("closed", "closed");
      assertThat(rec.results()).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.reason()).doesNotContain("\n");
      });
      assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
          .as("no scenario JVM left running").isEmpty();
      return rec.results();
    }
  }
}
