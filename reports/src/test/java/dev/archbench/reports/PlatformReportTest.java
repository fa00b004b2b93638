package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ServerlessPrices;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * An EC2 instance, a Fargate task and two Lambda memory sizes in one report, from records the
 * harness wrote under a loopback ECS task metadata stub and the Lambda handler wrote under a loopback
 * Runtime API, a cold and a warm invocation of each size ({@code records/regenerate.sh platforms}):
 * each is priced from what it is paid for, all on one axis of work per dollar, and the Lambda sizes
 * as curves of cost and p99 against memory size, cold and warm apart.
 */
class PlatformReportTest {
  static List<LoadedRecord> records() {
    return List.of(Fixtures.load("v2/c7i-1.json"), Fixtures.load("v2/fargate-1.json"),
        Fixtures.load("v2/lambda-1024-cold.json"), Fixtures.load("v2/lambda-1024-warm.json"),
        Fixtures.load("v2/lambda-1769-cold.json"), Fixtures.load("v2/lambda-1769-warm.json"));
  }

  static Analysis analysis() {
    return Reports.analyze(records(), List.of(), ReportOptions.defaults().withAllowNoisy(true));
  }

  @Test
  void eachPlatformIsPricedByWhatItPaysForWithoutPrice() {
    Analysis a = analysis();
    Map<String, HostSummary> hosts = a.hosts().stream().collect(Collectors.toMap(HostSummary::key, h -> h));
    ServerlessPrices prices = ServerlessPrices.embedded();
    for (LoadedRecord r : records()) {
      Host h = r.record().host();
      HostSummary s = hosts.get(r.record().hostKey());
      assertThat(s).as(r.file()).isNotNull();
      assertThat(s.unpriced()).as(r.file()).isNull();
      ServerlessPrices.Arch arch = ServerlessPrices.Arch.of(h.arch()).orElseThrow();
      Platform p = h.platform() == null ? Platform.HOST : h.platform(); // the EC2 fixture predates platforms
      if (p.kind() == Platform.Kind.ECS_TASK) {
        Platform.Resources size = p.ecsTask().task();
        assertThat(s.usdPerHour()).isCloseTo(prices.fargateUsdPerHour(arch, size.vcpu(), size.memoryMib()).orElseThrow(),
            within(1e-6));
      } else if (p.kind() == Platform.Kind.LAMBDA_FUNCTION) {
        assertThat(s.usdPerHour()).isCloseTo(prices.lambdaUsdPerHour(arch, p.lambdaFunction().memoryMb()).orElseThrow(),
            within(1e-6));
        assertThat(s.priceNote()).contains("requests add 0.2 USD per million invocations");
      } else {
        assertThat(s.instanceType()).isEqualTo(h.cloud().instanceType());
      }
    }
    assertThat(a.problems()).noneMatch(p -> p.contains("--price"));
  }

  @Test
  void ec2FargateAndLambdaShareOneAxisOfWorkPerDollar() {
    Analysis a = analysis();
    BenchmarkRow sum = a.benchmarks().stream().filter(r -> r.benchmark().equals("sum") && r.threads() == 1)
        .findFirst().orElseThrow();
    assertThat(sum.cells()).extracting(Analysis.Cell::host).containsAll(
        records().stream().map(r -> r.record().hostKey()).toList());
    assertThat(sum.cells()).allSatisfy(c -> {
      assertThat(c.rates().workPerDollar()).as(c.host()).isNotNull();
      assertThat(c.rates().costPerMillion()).as(c.host()).isNotNull();
    });
  }

  @Test
  void lambdaSizesAreCurvesOfCostAndP99AgainstMemorySize() {
    Analysis a = analysis();
    List<SizeCurves.SizeCurve> latency = a.lambdaSizes().stream()
        .filter(c -> c.benchmarkKey().startsWith("selftest/sum.latency")).toList();
    assertThat(latency).as("warm first, then cold").extracting(SizeCurves.SizeCurve::start)
        .containsExactly(Platform.Start.WARM, Platform.Start.COLD);
    for (SizeCurves.SizeCurve curve : latency) {
      assertThat(curve.points()).extracting(SizeCurves.SizePoint::memoryMb).containsExactly(1024, 1769);
      assertThat(curve.points()).allSatisfy(p -> assertThat(p.p99Ms()).isPositive());
      assertThat(curve.points()).allSatisfy(p -> assertThat(p.host()).endsWith("mb-" + curve.start().id()));
    }
    assertThat(a.lambdaSizes()).allSatisfy(c -> assertThat(c.points()).noneMatch(p -> p.host().startsWith("fargate")));
    SizeCurves.SizeCurve cold = latency.get(1);
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(md).contains("## Lambda memory sizes").contains("| " + dev.archbench.reports.format.Fmt.md(cold.arch()) + " | cold | 1769 MB | "
        + dev.archbench.reports.format.Fmt.md(cold.points().get(1).host()) + " |");
    String html = Reports.render(a, ReportFormat.Type.HTML);
    assertThat(html).contains("Lambda cost against memory size: sum").contains("Lambda p99 against memory size: sum.latency")
        .contains(cold.arch() + ", cold").contains(cold.arch() + ", warm");
  }

  @Test
  void coldAndWarmInvocationsOfOneSizeAreTwoHostsPricedAlike() {
    Analysis a = analysis();
    Map<String, HostSummary> hosts = a.hosts().stream().collect(Collectors.toMap(HostSummary::key, h -> h));
    for (int mb : new int[] {1024, 1769}) {
      List<HostSummary> size = hosts.values().stream().filter(h -> h.key().startsWith("lambda-")
          && h.key().contains("-" + mb + "mb-")).sorted(java.util.Comparator.comparing(HostSummary::key)).toList();
      assertThat(size).extracting(HostSummary::key).allSatisfy(k -> assertThat(k).matches("lambda-.*-" + mb + "mb-(cold|warm)"));
      assertThat(size).hasSize(2);
      assertThat(size.get(0).usdPerHour()).isNotNull().isEqualTo(size.get(1).usdPerHour());
      assertThat(size).allSatisfy(h -> assertThat(h.runIds()).hasSize(1));
    }
  }

  @Test
  void tasksOfOneSizeOnDifferentCpusAreOneHostThatShowsTheLottery() {
    LoadedRecord first = Fixtures.load("v2/fargate-1.json");
    LoadedRecord second = Fixtures.rerun(first, "records/fargate-2.json", Fixtures.runId(24, 2),
        h -> withCpuModel(h, "Other CPU of the lottery"), i -> i);
    Analysis a = Reports.analyze(List.of(first, second), List.of(), ReportOptions.defaults().withAllowNoisy(true));
    assertThat(a.hosts()).hasSize(1);
    HostSummary task = a.hosts().get(0);
    assertThat(task.key()).isEqualTo(first.record().hostKey());
    assertThat(task.cpuModel()).isEqualTo(List.of(first.record().host().cpu().model(), "Other CPU of the lottery")
        .stream().sorted().map(m -> m + " (1 record)").collect(Collectors.joining(", ")));
    assertThat(a.benchmarks().get(0).cells().get(0).sample().records()).isEqualTo(2);
  }

  private static Host withCpuModel(Host h, String model) {
    Host.Cpu c = h.cpu();
    Host.Cpu other = new Host.Cpu(c.vendor(), model, c.microarchitecture(), c.family(), c.modelNumber(), c.stepping(),
        c.implementer(), c.part(), c.gravitonGeneration(), c.sockets(), c.physicalCores(), c.logicalCores(),
        c.threadsPerCore(), c.numaNodes(), c.cacheBytes(), c.maxFrequencyHz(), c.features());
    return new Host(h.arch(), h.id(), other, h.memory(), h.os(), h.container(), h.virtualization(), h.jvm(), h.cloud(),
        h.accelerators(), h.environment(), h.platform());
  }

  @Test
  void reportsOfEc2HostsAloneHaveNoLambdaSection() {
    Analysis a = Reports.analyze(Fixtures.real(), List.of(), ReportOptions.defaults());
    assertThat(a.lambdaSizes()).isEmpty();
    assertThat(Reports.render(a, ReportFormat.Type.JSON)).doesNotContain("lambdaSizes");
  }
}
