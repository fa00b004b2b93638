package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.HostWarnings;
import dev.archbench.harness.runner.lifecycle.TtyProgress;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archbench run} as a real child JVM, killed or signalled mid-run: what users of a
 * multi-hour run on a rented machine depend on.
 */
class ChildProcessRunTest {
  private static final String[] SERIES = {"run", "--workloads", "selftest", "--include", "/sum$",
      "--threads", "1,2", "--profile", "smoke", "--jmh", Runs.FAST_JMH, "--progress", "plain"};

  @TempDir Path dir;

  @Test
  void killMinus9LeavesAValidRecordAndResumeCompletesItWithoutRerunning() throws Exception {
    Process p = Runs.child(dir, List.of(), SERIES).redirectOutput(dir.resolve("first.out").toFile()).start();
    RunRecord partial;
    try {
      partial = Runs.awaitRecord(dir.resolve("results"), r -> r.results().size() == 1, Duration.ofSeconds(90));
    } finally {
      Runs.killTree(p.toHandle()); // SIGKILL: no chance to flush anything
      p.waitFor(10, TimeUnit.SECONDS);
    }
    Path file = Runs.recordIn(dir.resolve("results"));
    RunRecord left = RecordFiles.read(file); // valid against the schema, or this throws
    assertThat(left.run().status()).isEqualTo(RunInfo.RUNNING);
    assertThat(left.results()).isNotEmpty().allMatch(BenchmarkResult::isOk);
    Map<String, String> firstStarts = left.results().stream()
        .collect(Collectors.toMap(BenchmarkResult::key, BenchmarkResult::startedAt));
    assertThat(firstStarts).containsKey(partial.results().get(0).key());

    Process resumed = Runs.child(dir, List.of(), "run", "--resume", left.run().id(), "--progress", "plain")
        .redirectOutput(dir.resolve("resume.out").toFile()).start();
    assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String output = Files.readString(dir.resolve("resume.out"), StandardCharsets.UTF_8);
    assertThat(resumed.exitValue()).as(output).isZero();
    RunRecord done = RecordFiles.read(file);
    assertThat(done.run().status()).isEqualTo(RunInfo.COMPLETED);
    assertThat(done.run().id()).isEqualTo(left.run().id());
    assertThat(done.results()).extracting(BenchmarkResult::key).containsExactlyInAnyOrder(
        "selftest/sum[size=1000]@1", "selftest/sum[size=1000]@2");
    Map<String, BenchmarkResult> byKey = done.results().stream()
        .collect(Collectors.toMap(BenchmarkResult::key, Function.identity()));
    firstStarts.forEach((key, started) -> assertThat(byKey.get(key).startedAt()).isEqualTo(started));
    assertThat(done.run().warnings()).anyMatch(w -> w.code().equals(HostWarnings.RESUMED));
    assertThat(output).contains("kept from the resumed run");
    JsonNode jmhJson = Json.mapper().readTree(dir.resolve("results").resolve(left.run().id() + ".jmh.json").toFile());
    assertThat(jmhJson.findValuesAsText("threads")).containsExactlyInAnyOrder("1", "2"); // none twice
  }

  @Test
  void sigtermStopsTheBenchmarkInFlightAndSavesAnInterruptedRecord() throws Exception {
    Process p = Runs.child(dir, List.of(), SERIES).redirectOutput(dir.resolve("out").toFile()).start();
    List<ProcessHandle> forks;
    try {
      Runs.awaitRecord(dir.resolve("results"), r -> r.results().size() == 1, Duration.ofSeconds(90));
      Thread.sleep(300); // into the next benchmark
      forks = p.descendants().toList();
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      Runs.killTree(p.toHandle());
    }
    String output = Files.readString(dir.resolve("out"));
    assertThat(p.exitValue()).as(output).isEqualTo(143);
    RunRecord record = RecordFiles.read(Runs.recordIn(dir.resolve("results")));
    assertThat(record.run().status()).isEqualTo(RunInfo.INTERRUPTED);
    assertThat(record.results()).isNotEmpty().allMatch(BenchmarkResult::isOk);
    assertThat(record.results()).hasSize(1);
    assertThat(record.run().warnings()).anyMatch(w -> w.code().equals(HostWarnings.INTERRUPTED)
        && w.message().contains("SIGTERM"));
    assertThat(output).contains("record saved as interrupted").contains("--resume");
    Thread.sleep(500);
    assertThat(forks).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void onATerminalTheProgressIsALiveLine() throws Exception {
    // script(1) from util-linux gives the child a pseudo-terminal, so System.console() is not null.
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "needs script(1) from util-linux");
    String command = String.join(" ", Runs.child(dir, List.of(), "run", "--workloads", "selftest",
        "--include", "/sum$", "--profile", "smoke", "--jmh", "'-wi 0 -i 3 -r 700ms'").command());
    Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("tty").toFile()).start();
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String tty = Files.readString(dir.resolve("tty"));
    assertThat(p.exitValue()).as(tty).isZero();
    assertThat(tty).contains(TtyProgress.CLEAR + "[1/1] selftest/sum[size=1000]@1  elapsed 0:0")
        .contains("ETA ")
        .contains(TtyProgress.CLEAR + "[1/1] ok selftest/sum[size=1000]@1: ")
        .doesNotContain("] start ");
  }
}
