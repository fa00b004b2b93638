package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.HostWarnings;
import dev.archbench.record.Status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.harness.fingerprint.ec2.ImdsStub;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RecordSchema;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.ForkContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real smoke runs of the selftest workload inside the test JVM (JMH forks real JVMs). */
class RunIntegrationTest {
  @TempDir Path dir;

  @Test
  void quickRunsForksUntilThePrecisionTargetAndTheBudgetCapsIt() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("adaptive");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")),
        "--workloads", "selftest", "--include", "/sum$", "--profile", "quick", "--precision", "50",
        "--budget", "40s", "--jmh", "-w 100ms -r 100ms", "--out", out.toString(), "--work-dir",
        dir.resolve("work").toString(), "--progress", "plain");
    assertThat(exit).as(runs.err.toString()).isZero();
    RunRecord record = RecordFiles.read(Runs.recordIn(out));
    // How many forks a busy machine needs varies; what each stop reason promises does not.
    assertThat(record.results()).hasSize(2).allSatisfy(r -> {
      var p = r.precision();
      assertThat(p.target()).isEqualTo(0.5);
      assertThat(r.forkRuns()).as("every fork kept, classified").hasSize(r.forks());
      assertThat(r.rawData()).as("the steady ones scored").hasSize(r.steadyForks());
      switch (p.stopReason()) {
        case TARGET_MET -> assertThat(p.halfWidth()).isLessThanOrEqualTo(0.5);
        case BENCHMARK_CAP -> assertThat(r.forks()).isEqualTo(8);
        case BUDGET -> assertThat(r.forks()).isPositive();
      }
      if (p.stopReason() != dev.archbench.record.Precision.StopReason.BUDGET) {
        assertThat(r.forks()).as("quick's minimum").isGreaterThanOrEqualTo(3);
      }
    });
    assertThat(runs.err.toString()).containsPattern("\\[\\d forks \\(\\d steady\\), ±[^]]* of ±50%, (target-met|benchmark-cap|budget)\\]");
    assertThat(Files.readString(Runs.recordIn(out).resolveSibling(record.run().id() + ".log")))
        .contains("# archbench: forks in interleaved order, seed ");

    Path capped = dir.resolve("capped");
    exit = Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")),
        "--workloads", "selftest", "--include", "/sum$", "--profile", "quick", "--budget", "1s",
        "--jmh", "-w 100ms -r 100ms", "--out", capped.toString(), "--work-dir", dir.resolve("work").toString(),
        "--progress", "plain");
    assertThat(exit).isZero();
    assertThat(RecordFiles.read(Runs.recordIn(capped)).results()).hasSize(2).allSatisfy(r -> {
      assertThat(r.forks()).as("every benchmark gets its first fork").isEqualTo(1);
      assertThat(r.precision().stopReason()).isEqualTo(dev.archbench.record.Precision.StopReason.BUDGET);
    });
  }

  @Test
  void smokeRunRecordsEveryKindOfResultAndGoesOnAfterAFailure() throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve("results");
    int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), dir.resolve("roots")),
        "--workloads", "selftest", "--profile", "smoke", "--jmh", Runs.FAST_JMH, "--out", out.toString(),
        "--work-dir", dir.resolve("work").toString(), "--label", "it", "--progress", "plain");

    assertThat(exit).as(runs.err.toString()).isEqualTo(1); // the deliberate failure
    Path file = Runs.recordIn(out);
    JsonNode tree = Json.mapper().readTree(file.toFile());
    assertThat(RecordSchema.validate(tree)).isEmpty();
    RunRecord record = RecordFiles.read(file);
    assertThat(record.run().status()).isEqualTo(RunInfo.COMPLETED);
    assertThat(record.run().comparable()).isFalse();
    assertThat(record.run().label()).isEqualTo("it");
    assertThat(record.run().commandLine()).startsWith("archbench", "run", "--workloads", "selftest");
    Map<String, BenchmarkResult> byName = record.results().stream()
        .collect(Collectors.toMap(BenchmarkResult::benchmark, Function.identity()));
    assertThat(byName).containsOnlyKeys("sum", "sum.latency", "checksum.scenario", "fails", "unavailable");

    BenchmarkResult sum = byName.get("sum");
    assertThat(sum.status()).isEqualTo(Status.OK);
    assertThat(sum.mode()).isEqualTo("thrpt");
    assertThat(sum.unit()).isEqualTo("ops/s");
    assertThat(sum.score()).isPositive();
    assertThat(sum.rawData()).hasSize(1).allSatisfy(fork -> assertThat(fork).hasSize(2));
    assertThat(sum.attributes()).containsEntry("implementation", "plain Java loop over long[1000]");
    assertThat(sum.secondary().get("inputBytes").score()).isEqualTo(8000.0);

    BenchmarkResult latency = byName.get("sum.latency");
    assertThat(latency.mode()).isEqualTo("sample");
    assertThat(latency.higherIsBetter()).isFalse();
    // Sample mode keeps every fork's samples as an HdrHistogram, in ns; the summary is in ms.
    assertThat(latency.latency().histograms()).hasSize(latency.rawData().size());
    org.HdrHistogram.Histogram h = dev.archbench.record.Latency.decode(latency.latency().histograms().get(0));
    assertThat(h.getTotalCount()).isPositive();
    assertThat(latency.latency().percentilesMs()).containsKeys(dev.archbench.record.Percentile.P50,
        dev.archbench.record.Percentile.P99, dev.archbench.record.Percentile.MAX);
    assertThat(java.util.List.copyOf(latency.latency().percentilesMs().values())).isSorted()
        .allSatisfy(v -> assertThat(v).isPositive());

    BenchmarkResult scenario = byName.get("checksum.scenario");
    assertThat(scenario.status()).as(scenario.reason()).isEqualTo(Status.OK);
    assertThat(scenario.mode()).isEqualTo("scenario");
    assertThat(scenario.key()).isEqualTo("selftest/checksum.scenario[bytes=4096]@" + scenario.threads());
    assertThat(scenario.rawData().get(0)).hasSize(2);
    assertThat(scenario.attributes()).containsEntry("implementation", "java.util.zip.CRC32");

    BenchmarkResult fails = byName.get("fails");
    assertThat(fails.status()).isEqualTo(Status.FAILED);
    assertThat(fails.reason()).isEqualTo(
        "java.lang.IllegalStateException: selftest: deliberate failure (tests the failed-benchmark path)");
    assertThat(byName.get("unavailable").status()).isEqualTo(Status.SKIPPED);

    String id = record.run().id();
    JsonNode jmh = Json.mapper().readTree(out.resolve(id + ".jmh.json").toFile());
    assertThat(jmh).hasSize(2);
    assertThat(jmh.get(0).get("benchmark").asText()).isEqualTo("dev.archbench.workloads.selftest.SelftestBenchmarks.sum");
    assertThat(jmh.get(0).get("primaryMetric").get("rawData").get(0)).hasSize(2);
    // Forks get one archbench property, naming their settings file (options, work dir, notes file).
    assertThat(jmh.get(0).get("jvmArgs")).extracting(JsonNode::asText)
        .filteredOn(a -> a.startsWith("-Darchbench.")).singleElement().asString()
        .startsWith("-D" + ForkContext.PROPERTY + "=");
    String log = Files.readString(out.resolve(id + ".log"));
    assertThat(log).contains("# Benchmark: dev.archbench.workloads.selftest.SelftestBenchmarks.fails")
        .contains("deliberate failure").contains("# archbench scenario selftest/checksum.scenario");
    assertThat(runs.out.toString().strip()).isEqualTo(file.toString());
    assertThat(runs.err.toString()).contains("[4/5] FAILED selftest/fails[size=1000]@1")
        .contains("[5/5] skipped selftest/unavailable").contains("1 benchmark failed");
  }

  @Test
  void spotNoticeStopsTheRunLikeSigtermAndRunsTheUploadHook() throws Exception {
    try (ImdsStub imds = new ImdsStub(ImdsStub.c7gSpot())) {
      Host spot = spotHost();
      Runs runs = Runs.capture();
      Path out = dir.resolve("results");
      Files.createDirectories(out);
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Runs.run(
          runs.env(spot, Map.of(ImdsClient.ENDPOINT_ENV, imds.endpoint()), dir.resolve("roots")),
          "--workloads", "selftest", "--include", "/sum$", "--threads", "1,2,3,4", "--profile", "smoke",
          "--jmh", Runs.FAST_JMH, "--out", out.toString(), "--spot-poll-ms", "100",
          "--on-interrupt", "cp \"$ARCHBENCH_RECORD\" '" + dir.resolve("uploaded.json")
              + "' && echo $ARCHBENCH_INTERRUPT > '" + dir.resolve("reason") + "'",
          "--progress", "plain"));
      Runs.awaitRecord(out, r -> r.results().size() == 1, Duration.ofSeconds(60));
      imds.put("spot/instance-action", "{\"action\": \"terminate\", \"time\": \"2026-11-27T10:32:00Z\"}");

      assertThat(exit.get(60, TimeUnit.SECONDS)).as(runs.err.toString()).isEqualTo(143);
      RunRecord record = RecordFiles.read(Runs.recordIn(out));
      assertThat(record.run().status()).isEqualTo(RunInfo.INTERRUPTED);
      assertThat(record.run().endedAt()).isNotNull();
      assertThat(record.results()).isNotEmpty().hasSizeLessThan(4).allMatch(BenchmarkResult::isOk);
      assertThat(record.run().warnings()).anySatisfy(w -> {
        assertThat(w.code()).isEqualTo(HostWarnings.INTERRUPTED);
        assertThat(w.message()).contains("EC2 spot interruption notice").contains("terminate");
      });
      assertThat(imds.requests()).contains("GET /latest/meta-data/spot/instance-action [token]");
      // The hook ran after the final, interrupted record reached disk.
      assertThat(RecordFiles.read(dir.resolve("uploaded.json")).run().status()).isEqualTo(RunInfo.INTERRUPTED);
      assertThat(Files.readString(dir.resolve("reason")).strip()).isEqualTo("spot");
    }
  }

  private static Host spotHost() {
    Host h = RecordFixtures.host("x86_64", "c7g.xlarge");
    Host local = Runs.localHost();
    return new Host(local.arch(), h.id(), local.cpu(), h.memory(), h.os(), h.container(), h.virtualization(),
        local.jvm(), new Host.Cloud("aws", "c7g.xlarge", "us-east-1", "us-east-1b", "spot", "ami-0123", "imds"),
        h.accelerators(), h.environment());
  }
}
