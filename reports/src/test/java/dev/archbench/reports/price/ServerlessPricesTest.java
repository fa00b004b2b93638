package dev.archbench.reports.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.record.Platform;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The embedded Fargate and Lambda prices, and how a task or function of a given size is priced. */
class ServerlessPricesTest {
  private static final String ARN = "arn:aws:ecs:us-east-1:111122223333:task/bench/0f3c6a1e2b7d4c58a9e1d2f3b4c5a6d7";

  static Platform fargate(double vcpu, long mib, String region) {
    return new Platform(Platform.Kind.ECS_TASK, region, new Platform.EcsTask(null, ARN, null, null, "FARGATE", null,
        new Platform.Resources(vcpu, mib), null), null, null);
  }

  static Platform lambda(int mb, String region) {
    return new Platform(Platform.Kind.LAMBDA_FUNCTION, region, null, null,
        new Platform.LambdaFunction("bench", "$LATEST", mb, "on-demand", "AWS_Lambda_java17"));
  }

  @Test
  void embeddedRatesAreTheSharedFilesByArchitecture() {
    ServerlessPrices p = ServerlessPrices.embedded();
    assertThat(p.region()).isEqualTo("us-east-1");
    assertThat(p.fargate().get(ServerlessPrices.Arch.X86_64)).isEqualTo(new ServerlessPrices.FargateRate(0.04048, 0.004445));
    assertThat(p.fargate().get(ServerlessPrices.Arch.ARM64)).isEqualTo(new ServerlessPrices.FargateRate(0.03238, 0.00356));
    assertThat(p.lambdaUsdPerGbSecond().get(ServerlessPrices.Arch.X86_64)).isEqualTo(0.0000166667);
    assertThat(p.lambdaUsdPerGbSecond().get(ServerlessPrices.Arch.ARM64)).isEqualTo(0.0000133334);
    assertThat(p.lambdaUsdPerRequest()).isEqualTo(0.0000002);
  }

  @Test
  void aTaskCostsItsVcpusAndGigabytesAndAFunctionItsGigabyteSeconds() {
    ServerlessPrices p = ServerlessPrices.embedded();
    assertThat(p.fargateUsdPerHour(ServerlessPrices.Arch.ARM64, 1, 2048).orElseThrow())
        .isCloseTo(0.03238 + 2 * 0.00356, within(1e-12));
    assertThat(p.fargateUsdPerHour(ServerlessPrices.Arch.X86_64, 0.25, 512).orElseThrow())
        .isCloseTo(0.25 * 0.04048 + 0.5 * 0.004445, within(1e-12));
    // 1769 MB busy for an hour: 1769/1024 GB x 3600 s.
    assertThat(p.lambdaUsdPerHour(ServerlessPrices.Arch.ARM64, 1769).orElseThrow())
        .isCloseTo(1769 / 1024.0 * 3600 * 0.0000133334, within(1e-12));
  }

  @Test
  void resolverPricesSizedHostsWithoutPriceAndSaysWhatItLeftOut() {
    PriceResolver r = new PriceResolver(List.of(), null, PriceCatalog.embedded(), null, PricingModel.ON_DEMAND);
    HostPrice task = r.resolveSized(List.of("fargate-arm64-1vcpu-2gb"), fargate(1, 2048, "us-east-1"), "aarch64");
    assertThat(task.usdPerHour()).isCloseTo(0.0395, within(1e-12));
    assertThat(task.source()).isEqualTo("embedded serverless catalog, 2026-12-06");
    assertThat(task.note()).isNull();
    HostPrice fn = r.resolveSized(List.of(), lambda(1024, "us-east-1"), "x86_64");
    assertThat(fn.usdPerHour()).isCloseTo(3600 * 0.0000166667, within(1e-12));
    assertThat(fn.note()).isEqualTo("an hour of duration at 1024 MB; requests add 0.2 USD per million invocations");
    HostPrice frankfurt = r.resolveSized(List.of(), fargate(0.5, 1024, "eu-central-1"), "x86_64");
    assertThat(frankfurt.priced()).isTrue();
    assertThat(frankfurt.note()).isEqualTo("priced at us-east-1 (no prices for eu-central-1)");
    assertThat(r.resolveSized(List.of(), fargate(1, 2048, null), "riscv64").problem()).startsWith("unknown architecture");
  }

  @Test
  void aPriceOnTheCommandLineWinsAndFargateSpotNeedsOne() {
    PriceResolver spot = new PriceResolver(List.of(), null, PriceCatalog.embedded(), null, PricingModel.SPOT);
    assertThat(spot.resolveSized(List.of("fargate-arm64-1vcpu-2gb"), fargate(1, 2048, null), "aarch64").problem())
        .isEqualTo("no spot price for Fargate (Spot is a variable discount, Savings Plans are per account): give one "
            + "with --price fargate-arm64-1vcpu-2gb=USD_PER_HOUR");
    PriceResolver manual = new PriceResolver(List.of(ManualPrice.parse("fargate-arm64-1vcpu-2gb=0.0125")), null,
        PriceCatalog.embedded(), null, PricingModel.SPOT);
    HostPrice m = manual.resolveSized(List.of("fargate-arm64-1vcpu-2gb"), fargate(1, 2048, null), "aarch64");
    assertThat(m.usdPerHour()).isEqualTo(0.0125);
    assertThat(m.source()).isEqualTo("--price fargate-arm64-1vcpu-2gb");
    assertThat(spot.resolveSized(List.of(), lambda(512, null), "aarch64").note())
        .endsWith("; Lambda has one price, used for spot");
  }

  @Test
  void badFilesAreOneLineErrors() {
    assertThatThrownBy(() -> ServerlessPrices.parse("x.csv", "a,b\n", "us-east-1", "s", "d"))
        .hasMessage("x.csv: not a serverless price file (header must be service,architecture,dimension,unit,usd)");
    String header = "service,architecture,dimension,unit,usd\n";
    assertThatThrownBy(() -> ServerlessPrices.parse("x.csv", header + "fargate,arm64,vcpu,h,free\n", "r", "s", "d"))
        .hasMessage("x.csv: line 2: price must be a number, got 'free'");
    assertThatThrownBy(() -> ServerlessPrices.parse("x.csv", header + "fargate,mips,vcpu,h,1\n", "r", "s", "d"))
        .hasMessage("x.csv: line 2: architecture must be x86_64 or arm64");
    assertThatThrownBy(() -> ServerlessPrices.parse("x.csv", header + "fargate,arm64,vcpu,h,1\n", "r", "s", "d"))
        .hasMessage("x.csv: Fargate arm64 needs both a vcpu and a memory price");
  }

  @Test
  void priceSheetShowsRatesAndSizes() {
    String sheet = PriceSheet.render(PriceCatalog.embedded(), ServerlessPrices.embedded());
    assertThat(sheet).contains("  arm64                 0.03238        0.00356\n")
        .contains("  1 vCPU, 2 GB                 0.0395        0.04937\n")
        .contains("  requests: 0.2 USD per million\n")
        .contains("  1769 MB");
  }
}
