package dev.archbench.harness.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.EcsMetadataStub;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.LoadedRecord;
import dev.archbench.reports.ReportOptions;
import dev.archbench.reports.Reports;
import dev.archbench.reports.price.ServerlessPrices;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Binds the platform fingerprint to the report: a run fingerprinted as a Fargate task (through a
 * loopback stub of the task metadata endpoint) and one as a Lambda function (its variables) write
 * their platform into the record, and the report names each by its size and prices it from the
 * embedded serverless catalog, with no {@code --price}, next to an EC2 instance on one axis.
 */
class PlatformContractTest {
  @TempDir Path dir;

  @Test
  void fargateAndLambdaRunsArePricedByTheirSizeWithoutPrice() throws Exception {
    RunRecord fargate;
    try (EcsMetadataStub stub = EcsMetadataStub.of("fargate")) {
      fargate = runOn(fingerprint(Map.of(EcsMetadataClient.ENDPOINT_ENV, stub.endpoint())), "fargate");
    }
    RunRecord lambda = runOn(fingerprint(Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769", "AWS_REGION", "us-east-1")), "lambda");
    String arch = fargate.host().arch().equals("aarch64") ? "arm64" : fargate.host().arch();
    ServerlessPrices.Arch priceArch = ServerlessPrices.Arch.of(arch).orElseThrow();

    // What the producer must write.
    assertThat(fargate.host().platform().ecsTask().task()).isEqualTo(new Platform.Resources(1.0, 2048L));
    assertThat(fargate.hostKey()).isEqualTo("fargate-" + arch + "-1vcpu-2gb");
    assertThat(lambda.host().platform().lambdaFunction().memoryMb()).isEqualTo(1769);
    assertThat(lambda.hostKey()).isEqualTo("lambda-" + arch + "-1769mb");

    // What the report must read from it: each host priced by its size, no --price, no problem.
    Analysis a = Reports.analyze(List.of(new LoadedRecord("fargate.json", fargate),
        new LoadedRecord("lambda.json", lambda)), List.of(), ReportOptions.defaults().withAllowNoisy(true));
    Analysis.HostSummary task = host(a, fargate.hostKey());
    Analysis.HostSummary fn = host(a, lambda.hostKey());
    ServerlessPrices prices = ServerlessPrices.embedded();
    assertThat(task.usdPerHour()).isCloseTo(prices.fargateUsdPerHour(priceArch, 1, 2048).orElseThrow(), within(1e-6));
    assertThat(fn.usdPerHour()).isCloseTo(prices.lambdaUsdPerHour(priceArch, 1769).orElseThrow(), within(1e-6));
    assertThat(task.unpriced()).isNull();
    assertThat(fn.unpriced()).isNull();
    assertThat(a.benchmarks()).isNotEmpty().allSatisfy(row ->
        assertThat(row.cells()).hasSize(2).allSatisfy(c -> assertThat(c.rates().workPerDollar()).isNotNull()));
  }

  private static Host fingerprint(Map<String, String> platformEnv) {
    Map<String, String> env = new HashMap<>(platformEnv);
    env.put(ImdsClient.DISABLED_ENV, "true");
    return Fingerprinter.collect(HostRoots.system(), env);
  }

  private RunRecord runOn(Host host, String name) throws Exception {
    Runs runs = Runs.capture();
    Path out = dir.resolve(name);
    Runs.run(runs.env(host, Map.of(), dir.resolve("roots")), "--workloads", "selftest", "--include", "/sum$",
        "--profile", "smoke", "--jmh", Runs.FAST_JMH, "--out", out.toString(), "--progress", "plain");
    RunRecord record = RecordFiles.read(Runs.recordIn(out));
    assertThat(record.results()).as(runs.err.toString()).isNotEmpty().allMatch(BenchmarkResult::isOk);
    return record;
  }

  private static Analysis.HostSummary host(Analysis a, String key) {
    return a.hosts().stream().filter(h -> h.key().equals(key)).findFirst()
        .orElseThrow(() -> new AssertionError("no host " + key + " in " + a.hosts()));
  }
}
