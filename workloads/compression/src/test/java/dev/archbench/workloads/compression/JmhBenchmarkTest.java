package dev.archbench.workloads.compression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workload.ResultNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH benchmarks run through JMH (in-process, tiny settings) and report MB/s and notes. */
class JmhBenchmarkTest {
  @TempDir
  Path dir;

  @AfterEach
  void clear() {
    System.clearProperty(ResultNotes.FILE_PROPERTY);
  }

  private Collection<RunResult> run(String benchmark, String... params) throws Exception {
    // Other JMH runs on a shared machine or CI must not fail this functional test.
    System.setProperty("jmh.ignoreLock", "true");
    OptionsBuilder b = new OptionsBuilder();
    b.include(benchmark.replace(".", "\\.") + "$")
        .forks(0)
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
    System.setProperty(ResultNotes.FILE_PROPERTY, notes.toString());
    Collection<RunResult> results = run(BlockBenchmark.class.getName() + ".compress",
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
    Collection<RunResult> results = run(StreamBenchmark.class.getName() + ".decompress",
        "codec", "zstd", "level", "1", "corpus", "json-logs");
    assertThat(results.iterator().next().getPrimaryResult().getScore()).isPositive();
  }
}
