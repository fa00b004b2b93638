package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.cli.ArchbenchCommand;
import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import dev.archbench.record.Subject;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --jmh-jar} with real benchmark jars from Maven Central (copied to {@code target/user-jmh} by
 * the build): the JMH archetype's uberjar form, built from jmh-samples 1.21 and its jmh-core (an older
 * JMH than archbench's 1.37), and the plain jar + {@code --jmh-classpath} form with jmh-samples 1.37.
 * Each runs with its own JMH in its own JVMs; the records then report with prices.
 */
class UserJmhRunTest {
  static final Path JARS = Path.of("target", "user-jmh").toAbsolutePath();
  static final Path UBERJAR_121 = JARS.resolve("uber-1.21/benchmarks.jar");
  /** One iteration of 100 ms: the test proves the machinery, not numbers. */
  static final String TINY = "-f 1 -wi 0 -i 2 -r 100ms";
  static final String HELLO = "org.openjdk.jmh.samples.JMHSample_01_HelloWorld.wellHelloThere";
  static final String PARAMS = "org.openjdk.jmh.samples.JMHSample_27_Params.bench";

  @TempDir Path dir;

  @Test
  void uberjarOfAnOlderJmhAndPlainJarWithClassPathRunAndReportWithPrices() throws Exception {
    assertThat(UBERJAR_121).as("built by the harness build (maven-antrun)").isRegularFile();
    Runs runs = Runs.capture();
    Path roots = Files.createDirectories(dir.resolve("roots"));
    Path outA = dir.resolve("a");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--jmh-jar", UBERJAR_121.toString(),
        "--include", "HelloWorld|JMHSample_27_Params\\.bench", "--threads", "1,2", "--jmh", TINY + " -p arg=1 -p certainty=0",
        "--label", "host-a", "--out", outA.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    RunRecord a = RecordFiles.read(Runs.recordIn(outA));
    assertThat(a.results()).extracting(BenchmarkResult::key).containsExactlyInAnyOrder(
        "benchmarks/" + HELLO + "@1", "benchmarks/" + HELLO + "@2",
        "benchmarks/" + PARAMS + "[arg=1,certainty=0]@1", "benchmarks/" + PARAMS + "[arg=1,certainty=0]@2");
    assertThat(a.results()).allSatisfy(r -> {
      assertThat(r.status()).as(r.key() + ": " + r.reason()).isEqualTo(Status.OK);
      assertThat(r.rawData()).hasSize(1);
      assertThat(r.rawData().get(0)).hasSize(2);
      assertThat(r.subject().kind()).isEqualTo(Subject.Kind.JAR);
      assertThat(r.subject().sha256()).isEqualTo(dev.archbench.harness.userjmh.UserJar.sha256(UBERJAR_121));
      assertThat(r.attributes()).containsEntry("jmhVersion", "1.21");
    });
    BenchmarkResult hello2 = a.results().stream().filter(r -> r.key().endsWith(HELLO + "@2")).findFirst().orElseThrow();
    assertThat(hello2.threads()).isEqualTo(2);
    assertThat(hello2.unit()).isEqualTo("ops/s");
    BenchmarkResult params = a.results().stream().filter(r -> r.benchmark().equals(PARAMS)).findFirst().orElseThrow();
    assertThat(params.mode()).isEqualTo("avgt");
    assertThat(params.unit()).isEqualTo("ns/op");
    assertThat(params.higherIsBetter()).isFalse();
    // JMH's own JSON of every benchmark, as the user's JMH wrote it.
    JsonNode jmhJson = Json.mapper().readTree(outA.resolve(a.run().id() + ".jmh.json").toFile());
    assertThat(jmhJson).hasSize(4);
    assertThat(jmhJson.get(0).path("jmhVersion").asText()).isEqualTo("1.21");

    // The plain jar of jmh-samples 1.37 and its dependencies, named like the archetype's so that the
    // report lines the two hosts up.
    Path plain = Files.copy(JARS.resolve("1.37/jmh-samples-1.37.jar"), Files.createDirectories(dir.resolve("cp"))
        .resolve("benchmarks.jar"));
    String cp = String.join(File.pathSeparator, JARS.resolve("1.37/jmh-core-1.37.jar").toString(),
        JARS.resolve("1.37/jopt-simple-5.0.4.jar").toString(), JARS.resolve("1.37/commons-math3-3.6.1.jar").toString());
    Path outB = dir.resolve("b");
    exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--jmh-jar", plain.toString(), "--jmh-classpath", cp,
        "--include", "HelloWorld", "--jmh", TINY, "--label", "host-b", "--out", outB.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    RunRecord b = RecordFiles.read(Runs.recordIn(outB));
    assertThat(b.results()).singleElement().satisfies(r -> {
      assertThat(r.key()).isEqualTo("benchmarks/" + HELLO + "@1");
      assertThat(r.status()).isEqualTo(Status.OK);
      assertThat(r.attributes()).containsEntry("jmhVersion", "1.37");
    });

    Path records = Files.createDirectories(dir.resolve("records"));
    Files.copy(Runs.recordIn(outA), records.resolve("a.json"));
    Files.copy(Runs.recordIn(outB), records.resolve("b.json"));
    Path report = dir.resolve("report");
    Cli r = Cli.of("report", records.toString(), "--out", report.toString(), "--format", "md,json",
        "--price", "host-a=0.17", "--price", "host-b=0.145", "--allow-noisy");
    assertThat(r.exit).as(r.err).isZero();
    JsonNode analysis = Json.mapper().readTree(report.resolve("report.json").toFile()).path("analysis");
    JsonNode hello1 = row(analysis, "benchmarks/" + HELLO + "@1");
    assertThat(hello1.path("cells")).hasSize(2).allSatisfy(c ->
        assertThat(c.path("rates").path("workPerDollar").path("value").asDouble()).isPositive());
    // A time per operation is inverted to a work rate: ops per second, so ops per dollar.
    JsonNode timed = row(analysis, "benchmarks/" + PARAMS + "[arg=1,certainty=0]@1");
    assertThat(timed.path("perDollarUnit").asText()).isEqualTo("ops per $");
    assertThat(timed.path("cells").get(0).path("rates").path("costPerMillion").path("value").asDouble()).isPositive();
    assertThat(Files.readString(report.resolve("report.md"))).contains("host-a").contains("host-b").contains("$0.145");
  }

  @Test
  void anInterruptedRunOfAJarResumesWithTheSameJar() throws Exception {
    Runs runs = Runs.capture();
    Path roots = Files.createDirectories(dir.resolve("roots"));
    Path out = dir.resolve("r");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--jmh-jar", UBERJAR_121.toString(),
        "--include", "HelloWorld|JMHSample_09_Blackholes.baseline", "--jmh", TINY, "--out", out.toString(),
        "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    Path file = Runs.recordIn(out);
    RunRecord whole = RecordFiles.read(file);
    assertThat(whole.results()).hasSize(2);
    // As if the run had been stopped after its first benchmark.
    BenchmarkResult first = whole.results().get(0);
    RunRecord cut = new RunRecord(whole.schemaVersion(), whole.host(), new dev.archbench.record.RunInfo(
        whole.run().id(), whole.run().startedAt(), null, dev.archbench.record.RunInfo.INTERRUPTED,
        whole.run().harnessVersion(), whole.run().gitCommit(), whole.run().commandLine(), whole.run().profile(),
        whole.run().label(), whole.run().comparable(), whole.run().warnings()), List.of(first));
    RecordFiles.replace(file, cut);
    exit = Runs.run(runs.env(Runs.localHost(), Map.of(), roots), "--resume", file.toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    RunRecord resumed = RecordFiles.read(file);
    assertThat(resumed.run().status()).isEqualTo(dev.archbench.record.RunInfo.COMPLETED);
    assertThat(resumed.results()).extracting(BenchmarkResult::key)
        .containsExactlyInAnyOrderElementsOf(whole.results().stream().map(BenchmarkResult::key).toList());
    assertThat(resumed.results()).contains(first).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.OK));
  }

  @Test
  void badJarsStopWithOneLineBeforeAnythingRuns() throws Exception {
    Path notJmh = JARS.resolve("1.37/commons-math3-3.6.1.jar");
    Cli r = Cli.of("run", "--jmh-jar", notJmh.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err.lines()).singleElement().asString()
        .isEqualTo("archbench: --jmh-jar: " + notJmh + " is not a JMH benchmark jar: org.openjdk.jmh.Main is neither"
            + " in it nor on --jmh-classpath");
    // JMH present, but the jar has no benchmarks: jmh-core itself.
    Path core = JARS.resolve("1.37/jmh-core-1.37.jar");
    r = Cli.of("run", "--jmh-jar", core.toString(), "--jmh-classpath", JARS.resolve("1.37/jopt-simple-5.0.4.jar")
        + File.pathSeparator + JARS.resolve("1.37/commons-math3-3.6.1.jar"), "--out", dir.resolve("o").toString());
    assertThat(r.exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err.lines()).singleElement().asString().startsWith("archbench: --jmh-jar: " + core + " has no JMH benchmarks");
    r = Cli.of("run", "--jmh-jar", dir.resolve("missing.jar").toString());
    assertThat(r.err.lines()).singleElement().asString().endsWith("missing.jar is not a file");
    assertThat(r.exit).isEqualTo(ExitCodes.FAILURE);
    assertThat(dir.resolve("o")).doesNotExist();
  }

  @Test
  void listShowsTheJarsBenchmarksAndDryRunPlansThemWithParams() throws Exception {
    Cli list = Cli.of("list", "--jmh-jar", UBERJAR_121.toString(), "--json");
    assertThat(list.exit).as(list.err).isZero();
    JsonNode rows = Json.mapper().readTree(list.out);
    assertThat(rows.size()).isGreaterThan(50);
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.path("workload").asText()).isEqualTo("benchmarks");
      assertThat(row.path("kind").asText()).isEqualTo("user-jmh");
    });
    Cli plan = Cli.of("run", "--jmh-jar", UBERJAR_121.toString(), "--include", "JMHSample_27_Params|HelloWorld",
        "--dry-run", "--jmh", "-p certainty=0,1");
    assertThat(plan.exit).as(plan.err).isZero();
    // Every default value of arg (5) times the two certainties given, and HelloWorld, whose mode the
    // jar's benchmark list tells (1.21 encodes @Param lines differently: their mode shows as ?).
    assertThat(plan.out).contains("benchmarks/" + PARAMS + "[arg=103,certainty=1]@1").contains("11 benchmarks")
        .containsPattern("HelloWorld.wellHelloThere@1 +thrpt");
  }

  private static JsonNode row(JsonNode analysis, String key) {
    for (JsonNode b : analysis.path("benchmarks")) {
      if (b.path("key").asText().equals(key)) {
        return b;
      }
    }
    throw new AssertionError("no row " + key);
  }

  /** The archbench command line with captured output. */
  record Cli(int exit, String out, String err) {
    static Cli of(String... args) {
      CommandLine cl = ArchbenchCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out));
      cl.setErr(new PrintWriter(err));
      return new Cli(cl.execute(args), out.toString(), err.toString());
    }
  }
}
