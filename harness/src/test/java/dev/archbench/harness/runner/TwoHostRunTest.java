package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.agent.ServerAgent;
import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.harness.runner.UserJmhRunTest.Cli;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.Knee;
import dev.archbench.record.LoadHost;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.WebServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two roles, one record, on loopback: a real web server with its agent (as {@code archbench serve web}
 * runs it) stands for the system under test, introduced by its agent as another instance type; the
 * run drives it with {@code --server}. The record must be the server's (its fingerprint, its CPU per
 * request), with this host beside it as the load host and every knee step carrying the generator's
 * CPU; the report must name and price the server's instance type and answer {@code --target-load}
 * from the server's CPU. The same across two network namespaces, with a starved generator:
 * {@code ci/test/two-host-netns.sh}.
 */
class TwoHostRunTest {
  static final String TINY = "-wi 1 -w 200ms -i 2 -r 400ms";

  @TempDir Path dir;

  @Test
  void theRecordIsTheServersAndTheReportPricesItsHost() throws Exception {
    Host here = Runs.localHost();
    String type = "aarch64".equals(here.arch()) ? "c7g.xlarge" : "c7i.xlarge";
    // The server's identity as IMDS would give it on that instance; the rest is this host's fingerprint.
    Host server = new Host(here.arch(), "server-host-id", here.cpu(), here.memory(), here.os(), here.container(),
        here.virtualization(), here.jvm(), new Host.Cloud("aws", type, "us-east-1", "us-east-1a", "on-demand", null,
            "imds", "i-0123456789abcdef0"), here.accelerators(), here.environment());
    ServerAgent agent = new ServerAgent(server, new LoadHost.Network(List.of(
        new LoadHost.Interface("ens5", "ena", "2.13.0g", null, 9001)), false, "Up to 12.5 Gigabit"),
        LoadHost.ServerCpu.PROCESS, ServerAgent::processCpuNanos);
    try (WebServer web = WebServer.start(ServerConfig.loopback().withIoThreads(1), agent)) {
      String url = "http://127.0.0.1:" + web.port();
      Runs runs = Runs.capture();
      Path out = dir.resolve("out");
      int exit = Runs.run(runs.env(here, Map.of(), Files.createDirectories(dir.resolve("roots"))),
          "--server", url, "--include", "web/knee.http$", "--profile", "smoke", "--p99-target-ms", "50",
          "--jmh", TINY, "--out", out.toString(), "--progress", "plain");
      assertThat(exit).as(runs.err.toString()).isZero();
      RunRecord rec = RecordFiles.read(Runs.recordIn(out));

      assertThat(rec.host().cloud().instanceType()).as("the record is the server's").isEqualTo(type);
      assertThat(rec.hostKey()).isEqualTo(type);
      assertThat(rec.loadHost()).isNotNull();
      assertThat(rec.loadHost().server()).isEqualTo(url);
      assertThat(rec.loadHost().agent()).isEqualTo(url + "/archbench/agent");
      assertThat(rec.loadHost().host().id()).isEqualTo(here.id());
      assertThat(rec.loadHost().serverNetwork().interfaces()).extracting(LoadHost.Interface::driver).containsExactly("ena");
      assertThat(rec.loadHost().serverCpu()).isEqualTo(LoadHost.ServerCpu.PROCESS);

      BenchmarkResult knee = rec.results().get(0);
      assertThat(knee.key()).startsWith("web/knee.http[");
      assertThat(knee.isOk()).as(knee.reason()).isTrue();
      assertThat(knee.attributes()).containsEntry("server", url);
      assertThat(knee.cpu().serverCores()).as("the server's CPU, from its agent").isPositive();
      assertThat(knee.cpu().serverRequestsPerCpuSecond()).isPositive();
      List<Knee.Step> steps = knee.knee().steps().get(0);
      assertThat(steps).allSatisfy(s -> assertThat(s.generatorCpu()).as("generator CPU per step").isNotNull()
          .isGreaterThan(0.0));
      // Marked exactly when the rule says so, and a marked step is never the knee.
      assertThat(steps).allSatisfy(s -> assertThat(s.invalid() == Knee.Step.Invalid.GENERATOR_BOUND)
          .isEqualTo(s.errors() == 0 && s.generatorCpu() > Knee.Step.GENERATOR_BUSY_LIMIT));
      assertThat(steps.stream().filter(s -> s.offered() == knee.knee().rates().get(0)))
          .as("the knee's step").allMatch(s -> s.valid() || knee.knee().found() == Knee.Found.UPPER_BOUND);

      Path records = Files.createDirectories(dir.resolve("records"));
      Files.copy(Runs.recordIn(out), records.resolve("a.json"));
      Path report = dir.resolve("report");
      Cli r = Cli.of("report", records.toString(), "--out", report.toString(), "--format", "md,json",
          "--allow-noisy", "--target-load", "web:json=20000rps@p99<50ms");
      assertThat(r.exit()).as(r.err()).isZero();
      JsonNode analysis = Json.mapper().readTree(report.resolve("report.json").toFile()).path("analysis");
      JsonNode host = analysis.path("hosts").get(0);
      assertThat(host.path("instanceType").asText()).isEqualTo(type);
      assertThat(host.path("usdPerHour").asDouble()).as("priced from the catalog").isPositive();
      assertThat(host.path("loadHost").asText()).startsWith("load from another host: ").contains("ena 2.13.0g");
      JsonNode answer = analysis.path("capacity").get(0).path("answers").get(0);
      assertThat(answer.path("host").asText()).isEqualTo(type);
      if (knee.knee().found() != Knee.Found.UPPER_BOUND) {
        assertThat(answer.path("instances").asInt()).isPositive();
        assertThat(answer.path("monthlyUsd").asDouble()).isPositive();
        assertThat(answer.path("note").asText()).contains("by the server's own CPU");
      }
      String md = Files.readString(report.resolve("report.md"));
      assertThat(md).contains("load from another host").contains(", generator ");
    }
  }

  @Test
  void yourServiceWithTheAgentBesideIt() throws Exception {
    try (Nginx nginx = Nginx.start(dir.resolve("nginx"))) {
      // archbench agent beside the service, as on the service's host: its process tree's CPU.
      java.io.StringWriter agentOut = new java.io.StringWriter();
      picocli.CommandLine cl = dev.archbench.harness.cli.ArchbenchCommand.commandLine();
      cl.setOut(new java.io.PrintWriter(agentOut, true));
      cl.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
      java.util.concurrent.CompletableFuture<Integer> agentExit = java.util.concurrent.CompletableFuture.supplyAsync(
          () -> cl.execute("agent", "--pid", Long.toString(nginx.master.pid()), "--port", "0", "--duration", "60"));
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("agent on (http://[^ ]+/archbench/agent) ")
          .matcher("");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!m.reset(agentOut.toString()).find() && System.nanoTime() < deadline && !agentExit.isDone()) {
        Thread.sleep(20);
      }
      assertThat(m.find(0)).as("the agent started: " + agentOut).isTrue();
      Runs runs = Runs.capture();
      Path out = dir.resolve("svc");
      int exit = Runs.run(runs.env(Runs.localHost(), Map.of(), Files.createDirectories(dir.resolve("roots-svc"))),
          "--target", nginx.url("/"), "--target-agent", m.group(1), "--include", "service/knee", "--profile", "smoke",
          "--p99-target-ms", "50", "--jmh", TINY, "--out", out.toString(), "--progress", "plain");
      assertThat(exit).as(runs.err.toString()).isZero();
      RunRecord rec = RecordFiles.read(Runs.recordIn(out));
      assertThat(rec.loadHost()).isNotNull();
      assertThat(rec.loadHost().serverCpu()).isEqualTo(LoadHost.ServerCpu.PROCESS_TREE);
      assertThat(rec.loadHost().server()).isEqualTo(nginx.url("/"));
      BenchmarkResult knee = rec.results().get(0);
      assertThat(knee.isOk()).as(knee.reason()).isTrue();
      assertThat(knee.cpu().serverCores()).as("nginx's CPU, read by the agent").isPositive();
      assertThat(knee.knee().steps().get(0)).allSatisfy(s -> assertThat(s.generatorCpu()).isNotNull());
      assertThat(knee.attributes().get("cpuSplit")).startsWith("two hosts: cpu.server is the service's process-tree");
    }
  }

  @Test
  void aServerWithoutAnAgentStopsTheRunWithOneLine() throws Exception {
    try (WebServer web = WebServer.start(ServerConfig.loopback().withIoThreads(1))) {
      Cli r = Cli.of("run", "--server", "http://127.0.0.1:" + web.port(), "--profile", "smoke",
          "--out", dir.resolve("out").toString());
      assertThat(r.exit()).isEqualTo(ExitCodes.FAILURE);
      assertThat(r.err().strip()).startsWith("archbench: the server's agent http://127.0.0.1:" + web.port()
          + "/archbench/agent answered 404").doesNotContain("Exception").hasLineCount(1);
    }
  }

  @Test
  void otherWorkloadsCannotRunUnderTheServersName() {
    Cli r = Cli.of("run", "--server", "http://127.0.0.1:9", "--workloads", "web,compression", "--dry-run");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--server runs workload 'web' alone");
    Cli noTarget = Cli.of("run", "--target-agent", "http://127.0.0.1:9", "--dry-run");
    assertThat(noTarget.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(noTarget.err()).contains("--target-agent needs --target");
    Cli notUrl = Cli.of("run", "--server", "ftp://x", "--dry-run");
    assertThat(notUrl.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(notUrl.err()).contains("--server: 'ftp://x' is not an http://HOST:PORT URL");
  }
}
