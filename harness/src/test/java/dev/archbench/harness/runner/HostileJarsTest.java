package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Failures;
import dev.archbench.harness.runner.execute.ParentWatch;
import dev.archbench.harness.runner.measure.ForkDeadline;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.record.SmallDisk;
import dev.archbench.record.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with a user's JMH jar that misbehaves ({@link HostileJars}): a benchmark that never
 * returns, one that calls System.exit, one whose setup throws, one that runs out of memory, one that
 * floods stdout onto a disk that fills; archbench killed with {@code kill -9} while the user's JMH
 * runs; two runs into one directory. Each case must end
 * with a record that says what happened, and nothing left running.
 */
class HostileJarsTest {
  /** One short iteration: the tests prove the machinery, not numbers. */
  static final String TINY = "-wi 0 -i 1 -r 100ms";
  @TempDir static Path built;
  static Path jar;
  @TempDir Path dir;

  @BeforeAll
  static void build() throws Exception {
    jar = HostileJars.build(built);
  }

  private int run(Runs runs, Path out, String include, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("--jmh-jar", jar.toString(), "--jmh-classpath",
        HostileJars.classPath(), "--include", include, "--profile", "smoke", "--order", "sequential", "--jmh", TINY,
        "--out", out.toString(), "--progress", "plain"));
    args.addAll(List.of(more));
    return Runs.run(runs.env(Runs.localHost(), Map.of(), Files.createDirectories(dir.resolve("roots"))),
        args.toArray(new String[0]));
  }

  private static BenchmarkResult result(RunRecord r, String method) {
    return r.results().stream().filter(x -> x.benchmark().equals(HostileJars.CLASS + "." + method)).findFirst()
        .orElseThrow(() -> new AssertionError("no result of " + method + " in " + r.results()));
  }

  @Test
  void aBenchmarkThatNeverReturnsIsKilledAtTheDeadlineAndEveryDeathIsExplained() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("out");
    int exit = run(runs, out, "neverReturns|exits|throwsInSetup|fine", "--budget", "5s", "--fork-grace-ms", "2000");
    assertThat(exit).as(runs.err.toString()).isEqualTo(ExitCodes.FAILURE);
    RunRecord r = RecordFiles.read(Runs.recordIn(out));
    assertThat(r.run().status()).isEqualTo(RunInfo.COMPLETED);
    assertThat(result(r, "neverReturns")).satisfies(b -> {
      assertThat(b.status()).isEqualTo(Status.FAILED);
      assertThat(b.reason()).isEqualTo(ForkDeadline.EXCEEDED);
    });
    assertThat(result(r, "exits").reason()).isEqualTo("the benchmark's JVM ended with exit code 3");
    assertThat(result(r, "throwsInSetup").reason()).contains("setup refuses");
    assertThat(result(r, "fine").status()).isEqualTo(Status.OK);
    assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
        .as("nothing of the user's JMH left running").isEmpty();
  }

  @Test
  void aBenchmarkThatRunsOutOfMemoryIsRecordedAsSuchAndTheRunGoesOn() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("oom");
    int exit = run(runs, out, "exhaustsTheHeap|fine");
    assertThat(exit).as(runs.err.toString()).isEqualTo(ExitCodes.FAILURE);
    RunRecord r = RecordFiles.read(Runs.recordIn(out));
    assertThat(r.run().status()).isEqualTo(RunInfo.COMPLETED);
    assertThat(result(r, "exhaustsTheHeap")).satisfies(b -> {
      assertThat(b.status()).isEqualTo(Status.FAILED);
      assertThat(b.reason()).startsWith(Failures.OUT_OF_MEMORY + " (java.lang.OutOfMemoryError");
    });
    assertThat(result(r, "fine").status()).isEqualTo(Status.OK);
  }

  @Test
  void aDiskThatFillsStopsTheRunWithTheRecordWholeAndResumeFinishesOnceThereIsRoom() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4096, false)) {
      // Room for the record and a little log; the flood (400 KB of output) fills the rest.
      disk.fillLeaving(96 * 1024);
      Runs runs = Runs.capture();
      int exit = run(runs, disk.dir(), "floods|fine");
      assertThat(exit).as(runs.err.toString()).isEqualTo(ExitCodes.FAILURE);
      assertThat(runs.err.toString()).contains("stopped: a file of the run cannot be written")
          .contains("No space left on device").contains("--resume");
      Path file = Runs.recordIn(disk.dir());
      RunRecord cut = RecordFiles.read(file); // whole JSON: the previous version survived
      assertThat(cut.run().status()).isIn(RunInfo.RUNNING, RunInfo.INTERRUPTED);
      try (var files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
      }

      disk.free();
      Runs again = Runs.capture();
      exit = Runs.run(again.env(Runs.localHost(), Map.of(), dir.resolve("roots")), "--resume", file.toString(),
          "--progress", "plain");
      assertThat(exit).as(again.err.toString()).isZero();
      RunRecord done = RecordFiles.read(file);
      assertThat(done.run().status()).isEqualTo(RunInfo.COMPLETED);
      assertThat(done.results()).hasSize(2).allSatisfy(b -> assertThat(b.status()).isEqualTo(Status.OK));
    }
  }

  @Test
  void killingArchbenchWithSigkillTakesTheUsersJmhWithIt() throws Exception {
    Path out = dir.resolve("killed");
    Process archbench = Runs.child(dir, List.of(), "run", "--jmh-jar", jar.toString(), "--jmh-classpath",
        HostileJars.classPath(), "--include", "neverReturns", "--profile", "smoke", "--jmh", TINY, "--out",
        out.toString(), "--progress", "plain").redirectOutput(dir.resolve("child.out").toFile()).start();
    try {
      ProcessHandle userJmh = await(() -> archbench.descendants()
          .filter(p -> p.info().commandLine().orElse("").contains(ParentWatch.class.getName())).findFirst(),
          "the user's JMH under the parent watch");
      List<ProcessHandle> tree = userJmh.descendants().toList();
      archbench.destroyForcibly(); // SIGKILL: no shutdown hook runs
      archbench.waitFor();
      await(() -> userJmh.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive)
          ? Optional.empty() : Optional.of(true), "the user's JMH and its forks to end");
    } finally {
      Runs.killTree(archbench.toHandle());
    }
  }

  @Test
  void twoRunsIntoOneDirectoryKeepTheirOwnRecords() throws Exception {
    Path out = dir.resolve("shared");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Runs a = Runs.capture();
      Runs b = Runs.capture();
      var first = pool.submit(() -> run(a, out, "fine", "--label", "a"));
      var second = pool.submit(() -> run(b, out, "fine", "--label", "b"));
      assertThat(first.get()).as(a.err.toString()).isZero();
      assertThat(second.get()).as(b.err.toString()).isZero();
    } finally {
      pool.shutdownNow();
    }
    try (var files = Files.list(out)) {
      List<RunRecord> records = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".jmh.json"))
          .map(RecordFiles::read).toList();
      assertThat(records).extracting(r -> r.run().label()).containsExactlyInAnyOrder("a", "b");
      assertThat(records).allSatisfy(r -> {
        assertThat(r.run().status()).isEqualTo(RunInfo.COMPLETED);
        assertThat(r.results()).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(Status.OK));
        assertThat(out.resolve(r.run().id() + ".jmh.json")).isRegularFile();
      });
    }
  }

  /** Polls for up to a minute (a generous bound on a busy machine; nothing is timed). */
  static <T> T await(java.util.function.Supplier<Optional<T>> probe, String what) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < end) {
      Optional<T> v = probe.get();
      if (v.isPresent()) {
        return v.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("waited a minute for " + what);
  }
}
