package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.record.VariantRun;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs of variants end to end with real JMH jars (those of {@link UserJmhRunTest}): two builds of
 * the same benchmarks as two variants, side by side with {@code --duet}, an interrupted run resumed
 * round by round, {@code compare RECORD} on the record, and bad command lines.
 */
class VariantRunTest {
  static final String TINY_2 = "-f 2 -wi 0 -i 2 -r 100ms";
  @TempDir Path dir;

  /** jmh-samples 1.37 as a plain jar with its class path: the "head" build of the same benchmarks. */
  private String[] head() throws Exception {
    Path plain = Files.copy(UserJmhRunTest.JARS.resolve("1.37/jmh-samples-1.37.jar"),
        Files.createDirectories(dir.resolve("head")).resolve("benchmarks.jar"));
    String cp = String.join(File.pathSeparator, UserJmhRunTest.JARS.resolve("1.37/jmh-core-1.37.jar").toString(),
        UserJmhRunTest.JARS.resolve("1.37/jopt-simple-5.0.4.jar").toString(),
        UserJmhRunTest.JARS.resolve("1.37/commons-math3-3.6.1.jar").toString());
    return new String[] {plain.toString(), cp};
  }

  @Test
  void twoBuildsOfAJarRunSideBySideWithDuetAndCompareReadsTheirPairs() throws Exception {
    String[] head = head();
    Runs runs = Runs.capture();
    Path out = dir.resolve("duet");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of("PATH", "/usr/bin:/bin"), dir.resolve("roots")),
        "--jmh-jar", UserJmhRunTest.UBERJAR_121.toString(), "--include", "HelloWorld", "--jmh", TINY_2,
        "--variant", "base=", "--variant", "head=--jmh-jar " + head[0] + " --jmh-classpath " + head[1],
        "--duet", "--out", out.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    Path file = Runs.recordIn(out);
    RunRecord record = RecordFiles.read(file);
    VariantRun v = record.variants();
    assertThat(v.variants().get(0).jmhJar()).isEqualTo(UserJmhRunTest.UBERJAR_121.toString());
    assertThat(v.variants().get(1).jmhJar()).isEqualTo(head[0]);
    String key = "benchmarks/" + UserJmhRunTest.HELLO + "@1";
    BenchmarkResult base = byKey(record, VariantRun.resultKey(key, "base"));
    BenchmarkResult h = byKey(record, VariantRun.resultKey(key, "head"));
    // Each variant ran its own jar, with the JMH it was built with.
    assertThat(base.attributes()).containsEntry("jmhVersion", "1.21");
    assertThat(h.attributes()).containsEntry("jmhVersion", "1.37");
    assertThat(v.roundsOf(key)).hasSize(2);
    if (Files.isExecutable(Path.of("/usr/bin/taskset")) && Runtime.getRuntime().availableProcessors() >= 2) {
      assertThat(v.duet()).isNotNull();
      assertThat(v.duet().method()).isEqualTo("taskset");
      assertThat(v.duet().cpus()).hasSize(2).doesNotHaveDuplicates();
      assertThat(Files.readString(file.resolveSibling(record.run().id() + ".log")))
          .contains("each round's forks at the same time on CPUs " + String.join(" | ", v.duet().cpus()));
    } else {
      assertThat(v.duet()).isNull();
      assertThat(record.run().hasWarning(RunEngine.DUET_UNAVAILABLE)).isTrue();
    }
    UserJmhRunTest.Cli c = UserJmhRunTest.Cli.of("compare", file.toString(), "--csv", dir.resolve("c.csv").toString());
    assertThat(c.exit()).as(c.err()).isIn(ExitCodes.OK, ExitCodes.REGRESSION);
    assertThat(c.out()).contains("# archbench compare: variants").contains("baseline: `base`")
        .contains("| " + dev.archbench.reports.format.Fmt.md(key) + " | head |")
        .contains(v.duet() == null ? "one after another" : "at the same time (duet, taskset");
    assertThat(Files.readString(dir.resolve("c.csv")))
        .startsWith("key,variant,verdict,ratio,ratio_lower,ratio_upper,p_value,pairs,rounds,detectable\n")
        .contains(key + ",head,");
  }

  @Test
  void anInterruptedRunOfVariantsResumesRoundByRound() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("r");
    Path roots = Files.createDirectories(dir.resolve("roots"));
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--jmh-jar", UserJmhRunTest.UBERJAR_121.toString(),
        "--include", "HelloWorld", "--jmh", "-f 3 -wi 0 -i 2 -r 100ms", "--variant", "a=", "--variant",
        "b=--jvm-args -Xmx256m", "--out", out.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    Path file = Runs.recordIn(out);
    RunRecord whole = RecordFiles.read(file);
    String key = "benchmarks/" + UserJmhRunTest.HELLO + "@1";
    assertThat(whole.variants().roundsOf(key)).hasSize(3);
    // As if stopped during the third round: two rounds recorded, no benchmark stopped yet.
    List<BenchmarkResult> going = new ArrayList<>();
    for (BenchmarkResult r : whole.results()) {
      Precision p = r.precision();
      going.add(r.withPrecision(new Precision(p.target(), p.halfWidth(), null, p.warmup(), p.warmupData(), p.seconds())));
    }
    RunInfo w = whole.run();
    RunRecord cut = new RunRecord(whole.schemaVersion(), whole.host(), new RunInfo(w.id(), w.startedAt(), null,
        RunInfo.INTERRUPTED, w.harnessVersion(), w.gitCommit(), w.commandLine(), w.profile(), w.label(), w.comparable(),
        w.warnings()), going, null, whole.variants().withRounds(key, whole.variants().roundsOf(key).subList(0, 2)));
    RecordFiles.replace(file, cut);
    exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--resume", file.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    RunRecord resumed = RecordFiles.read(file);
    assertThat(resumed.run().status()).isEqualTo(RunInfo.COMPLETED);
    List<VariantRun.Round> rounds = resumed.variants().roundsOf(key);
    assertThat(rounds).hasSize(3);
    // The third round's forks of the first attempt stay in the results, unpaired.
    assertThat(rounds.get(2).forkOf("a")).isEqualTo(3);
    assertThat(rounds.get(2).forkOf("b")).isEqualTo(3);
    assertThat(resumed.results()).allSatisfy(r -> assertThat(r.forkRuns()).hasSize(4));
    assertThat(resumed.variants().seed()).isEqualTo(whole.variants().seed());
  }

  @Test
  void badVariantCommandLinesAreOneLineUsageErrors() throws Exception {
    String jar = UserJmhRunTest.UBERJAR_121.toString();
    expectUsage("--variant: give at least two", "run", "--variant", "a=", "--out", dir.resolve("o").toString());
    expectUsage("--variant a: the name is given twice", "run", "--variant", "a=", "--variant", "a=");
    expectUsage("--variant b: '--profile' is not one of", "run", "--variant", "a=", "--variant", "b=--profile full");
    expectUsage("--duet needs --variant", "run", "--duet");
    expectUsage("--threshold needs --variant", "run", "--threshold", "2%");
    expectUsage("--duet runs the variants of a --jmh-jar", "run", "--variant", "a=", "--variant", "b=", "--duet");
    expectUsage("--variant b: runs no --jmh-jar, but the baseline a does", "run", "--variant", "a=--jmh-jar " + jar,
        "--variant", "b=");
    UserJmhRunTest.Cli bad = UserJmhRunTest.Cli.of("run", "--variant", "a=", "--variant",
        "b=--jmh-jar " + dir.resolve("missing.jar"), "--jmh-jar", jar);
    assertThat(bad.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(bad.err().lines()).singleElement().asString().startsWith("archbench: --variant b: --jmh-jar: ")
        .endsWith("missing.jar is not a file");
    assertThat(dir.resolve("o")).doesNotExist();
    // compare with one record that is not a run of variants
    Path plain = dir.resolve("plain.json");
    RecordFiles.create(plain, RunRecord.start(Runs.localHost(), new RunInfo(java.util.UUID.randomUUID().toString(), "2026-12-07T00:00:00Z", null,
        RunInfo.COMPLETED, "t", null, List.of("archbench", "run"), "quick", null, true, List.of())));
    UserJmhRunTest.Cli c = UserJmhRunTest.Cli.of("compare", plain.toString());
    assertThat(c.exit()).as(c.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(c.err().lines()).singleElement().asString().contains("not a run of variants");
  }

  private static void expectUsage(String message, String... args) {
    UserJmhRunTest.Cli c = UserJmhRunTest.Cli.of(args);
    assertThat(c.exit()).as(c.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(c.err().lines()).as(c.err()).singleElement().asString().startsWith("archbench: " + message);
  }

  private static BenchmarkResult byKey(RunRecord r, String key) {
    return r.results().stream().filter(x -> x.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no result " + key));
  }
}
