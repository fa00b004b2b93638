package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code archbench prices show}: the embedded catalogs through the real command line. */
class PricesShowTest {
  @Test
  void showsEc2FargateAndLambdaWithTheirSources() {
    CliRun r = CliRun.of("prices", "show");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("EC2 instances: ", "Fargate tasks: ", "Lambda functions: ", "2026-12-06",
        "0.25 vCPU, 0.5 GB", "16 vCPU, 120 GB", "10240 MB", "--price fargate-arm64-1vcpu-2gb=USD_PER_HOUR");
  }
}
