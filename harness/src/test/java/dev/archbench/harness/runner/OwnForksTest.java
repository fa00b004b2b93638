package dev.archbench.harness.runner;

import dev.archbench.harness.runner.measure.ForkDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * archbench's own JMH forks (the built-in workloads, here the hidden selftest) are held to the
 * run's deadline and die with archbench, as a user's JMH and a scenario's JVM are.
 */
class OwnForksTest {
  @TempDir Path dir;

  @Test
  void aForkStillRunningAtTheDeadlineIsKilledAndRecordedAsExceedingTheBudget() throws Exception {
    // The run's clock goes a thousand times faster: the fork's three one-second iterations (and its
    // deadline of twice that) are six milliseconds to the run, which no JVM start-up fits in.
    long t0 = System.nanoTime();
    LongSupplier fast = () -> t0 + (System.nanoTime() - t0) * 1000;
    Runs runs = Runs.capture();
    Path out = dir.resolve("out");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), Files.createDirectories(dir.resolve("roots")), fast),
        "--workloads", "selftest", "--include", "/sum$", "--threads", "1", "--profile", "smoke",
        "--jmh", "-wi 0 -i 3 -r 1s", "--budget", "1s", "--fork-grace-ms", "1", "--out", out.toString(),
        "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isEqualTo(ExitCodes.FAILURE);
    RunRecord r = RecordFiles.read(Runs.recordIn(out));
    assertThat(r.run().status()).isEqualTo(RunInfo.COMPLETED);
    assertThat(r.results()).singleElement().satisfies(b -> {
      assertThat(b.status()).isEqualTo(Status.FAILED);
      assertThat(b.reason()).isEqualTo(ForkDeadline.EXCEEDED);
    });
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .as("the JMH fork was killed").isEmpty();
  }

  @Test
  void killingArchbenchWithSigkillTakesItsJmhForkWithIt() throws Exception {
    Process archbench = Runs.child(dir, List.of(), "run", "--workloads", "selftest", "--include", "/sum$",
        "--threads", "1", "--profile", "smoke", "--jmh", "-wi 0 -i 100 -r 1s", "--out", dir.resolve("out").toString(),
        "--progress", "plain").redirectOutput(dir.resolve("child.out").toFile()).start();
    try {
      // Found by the watch it runs under (Linux shows only the first page of a command line, and
      // the test's class path is long).
      ProcessHandle fork = HostileJarsTest.await(() -> archbench.descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("/watch.jar=" + archbench.pid())).findFirst(),
          "archbench's JMH fork under the parent watch");
      archbench.destroyForcibly(); // SIGKILL: no shutdown hook runs
      archbench.waitFor();
      HostileJarsTest.await(() -> fork.isAlive() ? Optional.empty() : Optional.of(true), "the JMH fork to end");
    } finally {
      Runs.killTree(archbench.toHandle());
    }
  }
}
