package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import dev.archbench.reports.stats.Estimate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class AnalyzerTest {
  static final ReportOptions OPTIONS = ReportOptions.defaults().withBaseline("c7i.xlarge")
      .withTargetLoads(List.of(TargetLoad.parse("web:/json=50000rps@p99<20ms")));

  static Analysis three() {
    return Reports.analyze(Fixtures.threeInstanceTypes(), List.of(), OPTIONS);
  }

  static BenchmarkRow row(Analysis a, String key) {
    return a.benchmarks().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  static Cell cell(BenchmarkRow r, String host) {
    return r.cells().stream().filter(c -> c.host().equals(host)).findFirst().orElseThrow();
  }

  static HostSummary host(Analysis a, String key) {
    return a.hosts().stream().filter(h -> h.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void recordsOfOneInstanceTypeFormOneHostPricedFromTheEmbeddedCatalog() {
    Analysis a = three();
    assertThat(a.hosts()).extracting(HostSummary::key).containsExactly("c7a.xlarge", "c7g.xlarge", "c7i.xlarge");
    HostSummary g = host(a, "c7g.xlarge");
    assertThat(g.usdPerHour()).isEqualTo(0.145);
    assertThat(g.runIds()).hasSize(2);
    assertThat(g.physicalCores()).isEqualTo(4);
    assertThat(host(a, "c7i.xlarge").physicalCores()).isEqualTo(2);
    assertThat(a.priceSources()).anyMatch(s -> s.contains("2026-07-20"));
    assertThat(a.problems()).isEmpty();
  }

  @Test
  void forksOfAllRecordsOfAHostEnterTheBootstrapAndScoresAreMeansOfForkMeans() {
    Analysis a = three();
    String key = "compression/zstd.compress[corpus=silesia-mix,level=3]@1";
    Cell c = cell(row(a, key), "c7g.xlarge");
    assertThat(c.records()).isEqualTo(2);
    assertThat(c.forks()).isEqualTo(6);
    assertThat(c.iterations()).isEqualTo(30);
    double sum = 0;
    for (LoadedRecord lr : Fixtures.threeInstanceTypes()) {
      if (lr.record().host().cloud().instanceType().equals("c7g.xlarge")) {
        BenchmarkResult r = lr.record().results().stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
        for (List<Double> fork : r.rawData()) {
          sum += fork.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        }
      }
    }
    assertThat(c.score().value()).isCloseTo(sum / 6, within(sum / 6 * 1e-5));
    assertThat(c.score().lower()).isLessThan(c.score().value());
    assertThat(c.score().upper()).isGreaterThan(c.score().value());
  }

  @Test
  void workPerDollarAndCostFollowFromWorkPerSecondAndThePrice() {
    Analysis a = three();
    Cell z = cell(row(a, "compression/zstd.compress[corpus=silesia-mix,level=3]@1"), "c7g.xlarge");
    BenchmarkRow zr = row(a, "compression/zstd.compress[corpus=silesia-mix,level=3]@1");
    assertThat(zr.perDollarUnit()).isEqualTo("GB per $");
    assertThat(zr.costUnit()).isEqualTo("$ per TB");
    double mbps = z.workPerSecond().value();
    assertThat(mbps).isEqualTo(z.score().value());
    assertThat(z.workPerDollar().value()).isCloseTo(mbps * 3600 / 0.145 / 1000, within(mbps * 1e-4));
    assertThat(z.costPerMillion().value()).isCloseTo(0.145 / (mbps * 3600) * 1e6, within(1e-6));
    assertThat(z.costPerMillion().lower()).isCloseTo(0.145 / (z.workPerSecond().upper() * 3600) * 1e6, within(1e-6));
    assertThat(z.perVcpu().value()).isCloseTo(mbps / 4, within(mbps * 1e-5));

    // ms/op inverted: one thread at 4.2 ms per inference does about 238 inferences per second.
    BenchmarkRow inf = row(a, "inference/resnet18.singleStream[batch=1,engine=OnnxRuntime]@1");
    Cell ic = cell(inf, "c7g.xlarge");
    assertThat(inf.workUnit()).isEqualTo("ops");
    assertThat(ic.workPerSecond().value()).isCloseTo(1000 / ic.score().value(), within(1e-2));
    assertThat(inf.cells()).allMatch(c -> c.notes().stream().noneMatch(n -> n.contains("not a work rate")));
  }

  @Test
  void relativePerformanceIsSignificantOnlyWhenTheIntervalExcludesOne() {
    Analysis a = three();
    BenchmarkRow zstd = row(a, "compression/zstd.compress[corpus=silesia-mix,level=3]@1");
    assertThat(cell(zstd, "c7i.xlarge").relativeVerdict()).isEqualTo("baseline");
    assertThat(cell(zstd, "c7g.xlarge").relativeVerdict()).isEqualTo("worse");
    assertThat(cell(zstd, "c7a.xlarge").relativeVerdict()).isEqualTo("better");
    Cell lz4 = cell(row(a, "compression/lz4.decompress[corpus=silesia-mix]@1"), "c7a.xlarge");
    assertThat(lz4.relativeVerdict()).isEqualTo("no significant difference");
    assertThat(lz4.relative().lower()).isLessThan(1);
    assertThat(lz4.relative().upper()).isGreaterThan(1);
    // The cheaper Graviton gives the most work per dollar for zstd, clearly.
    assertThat(zstd.pricePerformanceVerdict()).isEqualTo("c7g.xlarge: most work per $");
  }

  @Test
  void winnersWithOverlappingIntervalsAreNotWinners() {
    record H(String name, Estimate e) {}
    Function<H, Estimate> f = H::e;
    List<H> clear = List.of(new H("a", new Estimate(10, 9.5, 10.5)), new H("b", new Estimate(8, 7.5, 8.5)));
    assertThat(Analyzer.winner(clear, H::name, f, "best")).isEqualTo("a: best");
    List<H> tied = List.of(new H("a", new Estimate(10, 9, 11)), new H("b", new Estimate(9.5, 8.5, 10.2)),
        new H("c", new Estimate(5, 4, 6)));
    assertThat(Analyzer.winner(tied, H::name, f, "best")).isEqualTo("no significant difference between a, b");
  }

  @Test
  void geometricMeansPerWorkloadAndOverallIncludePricePerformance() {
    Analysis a = three();
    var web = a.workloads().stream().filter(w -> w.workload().equals("web")).findFirst().orElseThrow();
    var g = web.hosts().stream().filter(h -> h.host().equals("c7g.xlarge")).findFirst().orElseThrow();
    assertThat(g.benchmarks()).isEqualTo(2);
    // The two web benchmarks: geometric mean of their ratios to c7i.
    double r1 = cell(row(a, "web/jackson.serialize@1"), "c7g.xlarge").relative().value();
    double r2 = cell(row(a, "web/closedLoop[connections=64,endpoint=/json]@64"), "c7g.xlarge").relative().value();
    assertThat(g.relative().value()).isCloseTo(Math.sqrt(r1 * r2), within(1e-4));
    assertThat(g.relativePricePerformance().value()).isCloseTo(Math.sqrt(r1 * r2) * 0.1785 / 0.145, within(1e-4));
    var base = a.overall().hosts().stream().filter(h -> h.host().equals("c7i.xlarge")).findFirst().orElseThrow();
    assertThat(base.relative()).isEqualTo(new Estimate(1, 1, 1));
  }

  @Test
  void kneeGivesLatencyBoundCostAndCapacity() {
    Analysis a = three();
    Cell c = cell(row(a, "web/closedLoop[connections=64,endpoint=/json]@64"), "c7g.xlarge");
    assertThat(c.knee().value()).isCloseTo(20950, within(1.0));
    assertThat(c.kneeTargetMs()).isEqualTo(10.0);
    assertThat(c.costPerMillionAtKnee().value()).isCloseTo(0.145 / (c.knee().value() * 3600) * 1e6, within(1e-6));
    assertThat(c.percentiles()).containsKeys("50.0", "99.9");
    var plan = a.capacity().get(0);
    var ans = plan.answers().stream().filter(x -> x.host().equals("c7g.xlarge")).findFirst().orElseThrow();
    assertThat(ans.instances()).isEqualTo((int) Math.ceil(50000 / c.knee().value()));
    assertThat(ans.monthlyUsd()).isCloseTo(ans.instances() * 0.145 * 730, within(1e-6));
    assertThat(ans.instancesConservative()).isGreaterThanOrEqualTo(ans.instances());

    Analysis strict = Reports.analyze(Fixtures.threeInstanceTypes(), List.of(),
        OPTIONS.withTargetLoads(List.of(TargetLoad.parse("web:/json=50k rps@p99<5ms"))));
    assertThat(strict.capacity().get(0).answers().get(0).note())
        .isEqualTo("knee measured at p99<10ms, looser than the p99<5ms asked");
    assertThatThrownBy(() -> TargetLoad.parse("web=lots")).hasMessageContaining("WORKLOAD:SELECTOR=RATE@pNN<BOUNDms");
  }

  @Test
  void smokeAndSharedRunnerRecordsAreLeftOutOfPriceComparisonsUnlessAllowedThenMarked() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.threeInstanceTypes());
    recs.addAll(Fixtures.offCloudAndNoisy());
    ReportOptions opt = OPTIONS.withPrices(List.of(ManualPrice.parse("laptop=0.05"), ManualPrice.parse("ci-runner=0.008")));
    Analysis refused = Reports.analyze(recs, List.of(), opt);
    HostSummary ci = host(refused, "ci-runner");
    assertThat(ci.noisy()).containsExactly("shared CI runner", "smoke profile");
    assertThat(ci.priceCompared()).isFalse();
    assertThat(refused.benchmarks()).allMatch(r -> r.cells().stream()
        .filter(c -> c.host().equals("ci-runner")).allMatch(c -> c.workPerDollar() == null));
    assertThat(refused.problems()).containsExactly("records/ci.json: host ci-runner (shared CI runner, smoke profile) "
        + "is left out of price comparisons; pass --allow-noisy to include it, marked");
    assertThat(host(refused, "laptop").usdPerHour()).isEqualTo(0.05);

    Analysis allowed = Reports.analyze(recs, List.of(), opt.withAllowNoisy(true));
    assertThat(host(allowed, "ci-runner").priceCompared()).isTrue();
    assertThat(cell(row(allowed, "web/jackson.serialize@1"), "ci-runner").workPerDollar()).isNotNull();
    assertThat(Reports.render(allowed, ReportFormat.Type.MARKDOWN)).contains("ci-runner ⚠ noisy")
        .contains("Noisy records included (--allow-noisy)");
    assertThat(Reports.render(allowed, ReportFormat.Type.HTML)).contains("<span class=\"tag noisy\">⚠ noisy</span>");
  }

  @Test
  void badInputBecomesOneLinePerProblemAndTheRestIsStillReported() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.threeInstanceTypes());
    LoadedRecord first = recs.get(0);
    recs.add(new LoadedRecord("copies/again.json", first.record()));
    RunRecord weird = Fixtures.record(Fixtures.host("c99z.mega", false), Fixtures.runId(50, 1), "weird", "quick", 1, 5);
    List<BenchmarkResult> results = new ArrayList<>(weird.results());
    BenchmarkResult ok = results.get(0);
    List<List<Double>> raw = new ArrayList<>(ok.rawData());
    raw.set(0, List.of(10.0, -3.0));
    results.set(0, new BenchmarkResult(ok.key(), ok.workload(), ok.benchmark(), ok.params(), ok.mode(), ok.threads(),
        ok.forks(), ok.unit(), ok.higherIsBetter(), ok.score(), ok.scoreError(), ok.confidence(), ok.percentiles(),
        raw, ok.secondary(), ok.attributes(), ok.startedAt(), ok.endedAt(), ok.status(), ok.reason()));
    recs.add(new LoadedRecord("weird.json", new RunRecord(weird.schemaVersion(), weird.host(), weird.run(), results)));
    Analysis a = Reports.analyze(recs, List.of("cut.json: not valid JSON (Unexpected end-of-input at line 3, column 1)"), OPTIONS);
    assertThat(a.problems()).containsExactly(
        "cut.json: not valid JSON (Unexpected end-of-input at line 3, column 1)",
        "copies/again.json: duplicate run id " + first.record().run().id() + " (already read from " + first.file() + "); skipped",
        "weird.json: result " + ok.key() + ": raw data contains a value that is not a positive finite number; left out",
        "weird.json: unknown instance type c99z.mega (not in the price catalog); c99z.mega is shown without price-performance");
    assertThat(a.problems()).allMatch(p -> !p.contains("\n"));
    HostSummary w = host(a, "c99z.mega");
    assertThat(w.usdPerHour()).isNull();
    assertThat(w.unpriced()).startsWith("unknown instance type");
    assertThat(row(a, ok.key()).cells()).noneMatch(c -> c.host().equals("c99z.mega"));
    assertThat(cell(row(a, "web/jackson.serialize@1"), "c99z.mega").score()).isNotNull();
    assertThat(host(a, first.record().host().cloud().instanceType()).runIds()).hasSize(2);
    assertThat(Analyzer.badNumbers(Fixtures.thrpt("w", "b", java.util.Map.of(), 1, "ops/s", 0.0,
        new SplitMix64(1), null, null))).isEqualTo("score is zero");
  }

  @Test
  void spotLifecycleIsNotedWhenPricedOnDemand() {
    Host h = Fixtures.host("c7g.xlarge", true);
    Host.Cloud c = h.cloud();
    Host spot = new Host(h.arch(), h.id(), h.cpu(), h.memory(), h.os(), h.container(), h.virtualization(), h.jvm(),
        new Host.Cloud(c.provider(), c.instanceType(), c.region(), c.availabilityZone(), "spot", c.amiId(), c.source()),
        h.accelerators(), h.environment());
    RunRecord r = Fixtures.record(spot, Fixtures.runId(80, 1), "s", "quick", 1, 8);
    Analysis a = Reports.analyze(List.of(new LoadedRecord("s.json", r)), List.of(), ReportOptions.defaults());
    assertThat(a.hosts().get(0).priceNote()).startsWith("ran on a spot instance, priced on-demand");
    assertThat(a.hosts().get(0).usdPerHour()).isEqualTo(0.145);
  }

  @Test
  void unknownBaselineIsAUsageProblem() {
    assertThatThrownBy(() -> Reports.analyze(Fixtures.threeInstanceTypes(), List.of(), OPTIONS.withBaseline("m5.large")))
        .hasMessage("--baseline m5.large matches no host (hosts: c7a.xlarge, c7g.xlarge, c7i.xlarge)");
  }

  @Test
  void inputOrderAndRepetitionDoNotChangeAByte() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.threeInstanceTypes());
    String a = Json.write(Reports.analyze(recs, List.of(), OPTIONS));
    Collections.reverse(recs);
    String b = Json.write(Reports.analyze(recs, List.of(), OPTIONS));
    assertThat(b).isEqualTo(a);
    assertThat(Json.write(Reports.analyze(Fixtures.threeInstanceTypes(), List.of(), OPTIONS))).isEqualTo(a);
  }

  @Test
  void scoreUnitsConvertToWorkPerSecond() {
    assertThat(ScoreUnit.of("ops/us").orElseThrow().perSecond(2, 1)).isEqualTo(2e6);
    assertThat(ScoreUnit.of("ns/op").orElseThrow().perSecond(500, 4)).isCloseTo(8e6, within(1e-3));
    assertThat(ScoreUnit.of("MB/s").orElseThrow().costUnit()).isEqualTo("$ per TB");
    assertThat(ScoreUnit.of("req/s").orElseThrow().perDollarUnit()).isEqualTo("requests per $");
    assertThat(ScoreUnit.of("inferences/s").orElseThrow().costUnit()).isEqualTo("$ per million inferences");
    assertThat(ScoreUnit.of("ms")).isEmpty();
    assertThat(ScoreUnit.of("ratio")).isEmpty();
  }

  @Test
  void offCloudHostWithoutPriceIsShownWithoutPricePerformance() {
    Host h = Fixtures.offCloud("h-x");
    RunRecord r = Fixtures.record(h, Fixtures.runId(70, 1), "my-laptop", "quick", 1, 9);
    Analysis a = Reports.analyze(List.of(new LoadedRecord("l.json", r)), List.of(), ReportOptions.defaults());
    assertThat(a.problems()).containsExactly(
        "l.json: not an EC2 instance and no --price given for it; my-laptop is shown without price-performance");
    assertThat(a.benchmarks()).allMatch(b -> b.cells().stream().allMatch(c -> c.workPerDollar() == null));
    assertThat(Reports.render(a, ReportFormat.Type.MARKDOWN)).contains("no price: not an EC2 instance");
  }
}
