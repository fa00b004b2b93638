package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Args;
import dev.archbench.harness.runner.execute.ChildProcess;
import dev.archbench.harness.runner.execute.Failures;
import dev.archbench.harness.runner.execute.JmhResults;
import dev.archbench.harness.userjmh.UserJmhExecutor;
import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhOptions;
import dev.archbench.harness.runner.execute.Notes;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ThreadCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.ForkContext;
import dev.archbench.workload.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmallPartsTest {
  @TempDir Path dir;

  @Test
  void forksGetOnePropertyNamingTheirContextWithOptionsWorkDirAndNotesFile() {
    ForkSettings fork = new ForkSettings(ProfileSettings.of(Profile.SMOKE), JmhOptions.parse(null), null,
        List.of("-Xmx1g"), Map.of("corpus", "/data/silesia"), dir.resolve("work"));
    String arg = fork.forkProperty(dir.resolve("fork.json"), dir.resolve("notes.jsonl"));
    assertThat(arg).isEqualTo("-Darchbench.fork=" + dir.resolve("fork.json"));
    assertThat(ForkContext.read(dir.resolve("fork.json"))).isEqualTo(new ForkContext(
        Map.of("corpus", "/data/silesia"), dir.resolve("work"), dir.resolve("notes.jsonl")));
  }
  @Test
  void threadCountsResolveWordsAndDropDuplicates() {
    assertThat(ThreadCounts.parse("1,2,max,half,2x", 8)).containsExactly(1, 2, 8, 4, 16);
    assertThat(ThreadCounts.parse("1, max, 2", 2)).containsExactly(1, 2);
    assertThat(ThreadCounts.parse("half", 1)).containsExactly(1);
    assertThatThrownBy(() -> ThreadCounts.parse("1,zero", 4))
        .hasMessage("--threads: 'zero' in '1,zero' is not a thread count (1..4096, max, half or 2x)");
    assertThatThrownBy(() -> ThreadCounts.parse("0", 4)).hasMessageContaining("'0'");
  }

  @Test
  void argsSplitLikeAShell() {
    assertThat(Args.split("-Xmx2g  -Dname='a b' \"-Dq=x \\\"y\\\"\" c\\ d"))
        .containsExactly("-Xmx2g", "-Dname=a b", "-Dq=x \"y\"", "c d");
    assertThat(Args.split(null)).isEmpty();
    assertThatThrownBy(() -> Args.split("-D'x")).hasMessageContaining("unbalanced quote");
  }

  @Test
  void jmhOptionsOverrideTheProfileAndConflictingOnesAreRefused() {
    var raw = JmhOptions.parse("-f 3 -wi 0 -r 250ms -p size=1,2 -jvmArgs -Xmx1g");
    ProfileSettings s = ProfileSettings.of(Profile.SMOKE).overriddenBy(raw);
    assertThat(s).isEqualTo(new ProfileSettings(3, 3, 0, Duration.ofSeconds(1), 2, Duration.ofMillis(250), null,
        Duration.ofMinutes(4)));
    assertThat(JmhOptions.paramOverrides(raw, Args.split("-f 3 -p size=1,2"))).containsEntry("size", List.of("1", "2"));
    assertThat(JmhOptions.jvmArgs(raw)).containsExactly("-Xmx1g");
    assertThatThrownBy(() -> JmhOptions.parse("-t 4")).hasMessageContaining("-t (use --threads)");
    assertThatThrownBy(() -> JmhOptions.parse("-rf csv")).hasMessageContaining("-rf/-rff/-o");
    assertThatThrownBy(() -> JmhOptions.parse(".*Sum.*")).hasMessageContaining("use --include");
    assertThatThrownBy(() -> JmhOptions.parse("-f")).hasMessageStartingWith("--jmh: ");
  }

  @Test
  void profilesPromiseMorePrecisionForMoreTimeAndComparableOnesHaveSeveralForks() {
    double lastSeconds = 0;
    double lastPrecision = 1;
    for (Profile p : Profile.values()) {
      ProfileSettings s = ProfileSettings.of(p);
      assertThat(s.budget().toSeconds()).isGreaterThan((long) lastSeconds);
      lastSeconds = s.budget().toSeconds();
      if (p != Profile.SMOKE) {
        assertThat(s.precision()).isLessThan(lastPrecision);
        lastPrecision = s.precision();
        assertThat(s.minForks()).as("two forks give an interval with one degree of freedom").isGreaterThanOrEqualTo(3);
        assertThat(s.maxForks()).isGreaterThan(s.minForks());
      }
    }
    assertThat(ProfileSettings.of(Profile.SMOKE).describe())
        .isEqualTo("no target, 1 fork, 4 min budget; warm-up <= 1 s, 2 x 1 s");
    assertThat(ProfileSettings.of(Profile.STANDARD).describe())
        .isEqualTo("±2%, 4-20 forks, 1 h budget; warm-up <= 40 s, 6 x 1 s");
    assertThat(ProfileSettings.pct(0.0193)).isEqualTo("1.9%");
    assertThat(ProfileSettings.pct(1.4)).isEqualTo("140%");
    assertThat(ProfileSettings.pct(250)).isEqualTo(">999%");
  }

  @Test
  void notesKeepLastAttributeAndEveryMetricValueAndSkipGarbage() {
    Notes n = Notes.parse("""
        {"kind":"attribute","name":"implementation","value":"zstd-jni (native)"}
        {"kind":"metric","name":"ratio","unit":"x","higherIsBetter":true,"value":3.0}
        {"kind":"metric","name":"ratio","unit":"x","higherIsBetter":true,"value":3.5}
        {"kind":"attribute","name":"implementation","value":"zstd-jni 1.5.7 (native)"}
        {"kind":"metric","name":"ratio","unit":"x","higher
        """);
    assertThat(n.attributes()).containsExactly(java.util.Map.entry("implementation", "zstd-jni 1.5.7 (native)"));
    assertThat(n.metrics().get("ratio").score()).isEqualTo(3.25);
    assertThat(n.metrics().get("ratio").rawData()).containsExactly(List.of(3.0, 3.5));
  }

  @Test
  void failuresKeepTheInnermostRealErrorOnOneLine() {
    Exception e = new org.openjdk.jmh.runner.RunnerException("Benchmark caught the exception",
        new org.openjdk.jmh.runner.BenchmarkException(new IllegalStateException("boom\nsecond line")));
    assertThat(Failures.firstLine(e)).isEqualTo("java.lang.IllegalStateException: boom");
  }

  @Test
  void runningOutOfMemorySaysSoInWordsWhereverItIsFound() {
    Exception e = new org.openjdk.jmh.runner.RunnerException("Benchmark caught the exception",
        new org.openjdk.jmh.runner.BenchmarkException(new OutOfMemoryError("Java heap space")));
    assertThat(Failures.firstLine(e)).isEqualTo("out of memory (java.lang.OutOfMemoryError: Java heap space)");
    String output = """
        Iteration   1: <failure>

        Exception in thread "worker" java.lang.OutOfMemoryError: GC overhead limit exceeded
        	at hostile.Bench.exhaustsTheHeap(Bench.java:40)
        <forked VM failed with exit code 1>
        """;
    assertThat(Failures.outOfMemoryIn(output))
        .contains("out of memory (java.lang.OutOfMemoryError: GC overhead limit exceeded)");
    assertThat(UserJmhExecutor.failure(new ChildProcess.Ended(1, output, false)))
        .isEqualTo("out of memory (java.lang.OutOfMemoryError: GC overhead limit exceeded)");
    assertThat(Failures.outOfMemoryIn("java.lang.IllegalStateException: boom")).isEmpty();
  }

  @Test
  void timeUnitsAndDirections() {
    assertThat(JmhResults.nanosPer("us/op")).isEqualTo(1e3);
    assertThat(JmhResults.nanosPer("ms/op")).isEqualTo(1e6);
    assertThat(JmhResults.nanosPer("ops/s")).isZero();
    assertThat(JmhResults.higherIsBetter("us/op")).isFalse();
    assertThat(JmhResults.higherIsBetter("MB/sec")).isTrue();
  }
}
