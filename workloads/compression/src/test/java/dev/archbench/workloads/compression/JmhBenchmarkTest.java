package dev.archbench.workloads.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workload.ForkContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH benchmarks run through JMH (tiny settings) and report MB/s and, from a fork, notes. */
class JmhBenchmarkTest {
  @TempDir
  Path dir;

  /** In this JVM ({@code fork} null) or, to see what a fork reports, in one fork given {@code fork}. */
  private Collection<RunResult> run(ForkContext fork, String benchmark, String... params) throws Exception {
    // Other JMH runs on a shared machine or CI must not fail this functional test.
    System.setProperty("jmh.ignoreLock", "true");
    OptionsBuilder b = new OptionsBuilder();
    if (fork == null) {
      b.forks(0);
    } else {
      b.forks(1).jvmArgsAppend(fork.writeForFork(dir.resolve("fork.json")));
    }
    b.include(benchmark.replace(".", "\\.") + "$")
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(300))
        .threads(1)
        .shouldFailOnError(true)
        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    for (int i = 0; i < params.length; i += 2) {
      b.param(params[i], params[i + 1]);
    }
    return new Runner(b.build()).run();
  }

  @Test
  void blockCompressionReportsAPositiveScoreInBytesPerMicrosecondAndItsNotes() throws Exception {
    Path notes = dir.resolve("notes.jsonl");
    Collection<RunResult> results = run(ForkContext.standalone().withNotesFile(notes),
        BlockBenchmark.class.getName() + ".compress",
        "codec", "lz4", "level", "1", "blockSize", "65536", "corpus", "csv-telemetry");
    RunResult r = results.iterator().next();
    assertThat(r.getPrimaryResult().getScore()).isPositive();
    assertThat(r.getPrimaryResult().getScoreUnit()).isEqualTo("ops/us");
    String text = Files.readString(notes);
    assertThat(text).contains("\"name\":\"implementation\",\"value\":\"lz4-java 1.14.0 (JNI");
    // The corpus is the result's typed subject, with the golden checksum of the seeded corpus.
    assertThat(text).contains("{\"kind\":\"subject\",\"value\":{\"kind\":\"corpus\",\"name\":\"csv-telemetry\","
        + "\"sha256\":\"97da92110afd04a7bb83147af44de6da99453f99c65781bcfee811d401d4fe41\",\"origin\":\"generated\"}");
    assertThat(text).containsPattern("\"name\":\"ratio\",\"unit\":\"x\",\"higherIsBetter\":true,"
        + "\"value\":[23]\\.\\d+");
  }

  @Test
  void streamDecompressionRuns() throws Exception {
    Collection<RunResult> results = run(null, StreamBenchmark.class.getName() + ".decompress",
        "codec", "zstd", "level", "1", "corpus", "json-logs");
    assertThat(results.iterator().next().getPrimaryResult().getScore()).isPositive();
  }
}
