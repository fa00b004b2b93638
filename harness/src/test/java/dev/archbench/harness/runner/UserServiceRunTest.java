package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.harness.runner.UserJmhRunTest.Cli;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --target} against a real HTTP server from Debian's packages (nginx, on loopback): the
 * closed-loop series and the knee search with a POST described in a request file, the service's CPU
 * from {@code /proc} with {@code --target-pid}, and a report with a price and a capacity answer.
 */
class UserServiceRunTest {
  /** Short steps: the test proves the machinery, not numbers. */
  static final String TINY = "-wi 1 -w 200ms -i 2 -r 400ms";

  @TempDir Path dir;

  @Test
  void nginxUnderTheClosedLoopAndKneeReportsCostPerRequestAndCapacity() throws Exception {
    try (Nginx nginx = Nginx.start(dir.resolve("nginx"))) {
      Path body = Files.writeString(dir.resolve("order.json"), "{\"sku\":\"A-1\",\"quantity\":2}");
      Path request = Files.writeString(dir.resolve("order.http"), """
          # an order, as our clients send it
          POST /api/orders
          Content-Type: application/json
          X-Client: archbench-test

          < order.json
          """);
      Runs runs = Runs.capture();
      Path out = dir.resolve("out");
      int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), Files.createDirectories(dir.resolve("roots"))),
          "--target", nginx.url("/"), "--target-request", request.toString(), "--target-status", "201",
          "--target-pid", Long.toString(nginx.master.pid()), "--profile", "smoke", "--p99-target-ms", "50",
          "--jmh", TINY, "--label", "host-a", "--out", out.toString(), "--progress", "plain");
      assertThat(exit).as(runs.err.toString()).isZero();
      RunRecord rec = RecordFiles.read(Runs.recordIn(out));
      assertThat(rec.results()).extracting(BenchmarkResult::key).containsExactly(
          "service/closed[concurrency=1]@" + rec.results().get(0).threads(),
          "service/closed[concurrency=4x]@" + rec.results().get(0).threads(),
          "service/knee[ladder=0.1,0.25,0.5,0.75,1.0,refine=0]@" + rec.results().get(0).threads());
      assertThat(rec.results()).allSatisfy(r -> {
        assertThat(r.status()).as(r.key() + ": " + r.reason()).isEqualTo(Status.OK);
        assertThat(r.unit()).isEqualTo("req/s");
        assertThat(r.score()).isPositive();
        assertThat(r.latency().histograms()).hasSize(1);
        // nginx's master and workers used CPU for the requests: requests per CPU-second of the service.
        assertThat(r.cpu().serverCores()).isPositive();
        assertThat(r.cpu().serverRequestsPerCpuSecond()).isPositive();
        assertThat(r.attributes()).containsEntry("request", "POST /api/orders (" + Files.size(body) + " bytes of body)")
            .containsEntry("expectedStatus", "201");
      });
      assertThat(rec.results().get(2).knee().boundMs()).isEqualTo(50.0);

      Path records = Files.createDirectories(dir.resolve("records"));
      Files.copy(Runs.recordIn(out), records.resolve("a.json"));
      Path report = dir.resolve("report");
      Cli r = Cli.of("report", records.toString(), "--out", report.toString(), "--format", "md,json",
          "--price", "host-a=0.17", "--allow-noisy", "--target-load", "service:knee=20000rps@p99<50ms");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode analysis = Json.mapper().readTree(report.resolve("report.json").toFile()).path("analysis");
      JsonNode answer = analysis.path("capacity").get(0).path("answers").get(0);
      assertThat(answer.path("instances").asInt()).isPositive();
      assertThat(answer.path("monthlyUsd").asDouble()).isPositive();
      // The service's own CPU per request (--target-pid) gives the instances a dedicated host would need.
      assertThat(answer.path("note").asText()).containsPattern("by CPU \\([0-9.]+ ms per request; all [0-9]+ vCPUs serving");
      JsonNode knee = null;
      for (JsonNode b : analysis.path("benchmarks")) {
        if (b.path("benchmark").asText().equals("knee")) {
          knee = b;
        }
      }
      assertThat(knee.path("perDollarUnit").asText()).isEqualTo("requests per $");
      assertThat(knee.path("cells").get(0).path("knee").path("costPerMillion").path("value").asDouble()).isPositive();
      assertThat(Files.readString(report.resolve("report.md"))).contains("## Capacity: service:knee=20000rps@p99");
    }
  }

  @Test
  void unreachableServiceAndWrongStatusStopWithOneLineBeforeAnythingRuns() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Path out = dir.resolve("out");
    Cli r = Cli.of("run", "--target", "http://127.0.0.1:" + closed + "/", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(r.err().lines()).singleElement().asString()
        .startsWith("archbench: --target http://127.0.0.1:" + closed + "/: no answer to GET / (");
    try (Nginx nginx = Nginx.start(dir.resolve("nginx"))) {
      r = Cli.of("run", "--target", nginx.url("/api/orders"), "--target-status", "201", "--out", out.toString());
      assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err()).isEqualTo("archbench: --target " + nginx.url("/api/orders")
          + ": GET /api/orders answered status 405, expected 201 (--target-status)" + System.lineSeparator());
    }
    r = Cli.of("run", "--target", "https://127.0.0.1:1/", "--out", out.toString());
    assertThat(r.err().lines()).singleElement().asString().contains("https is not supported");
    r = Cli.of("run", "--target-pid", "1", "--out", out.toString());
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(out).doesNotExist();
  }
}
