package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Json;
import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.Verdict;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.IntervalScope;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The analysis of records the harness really wrote (see {@link Fixtures}). */
class AnalyzerTest {
  static final String ZSTD = "compression/zstd.compress[blockSize=65536,codec=zstd,corpus=json-logs,level=3]@1";
  static final String SUM = "selftest/sum[size=1000]@1";
  static final String SAMPLED = "selftest/sum.latency[size=1000]@1";
  static final ReportOptions OPTIONS = ReportOptions.defaults().withBaseline("c7i.xlarge");

  static Analysis real() {
    return Reports.analyze(Fixtures.real(), List.of(), OPTIONS);
  }

  static BenchmarkRow row(Analysis a, String keyPrefix) {
    return a.benchmarks().stream().filter(r -> r.key().startsWith(keyPrefix)).findFirst().orElseThrow();
  }

  static Cell cell(BenchmarkRow r, String host) {
    return r.cells().stream().filter(c -> c.host().equals(host)).findFirst().orElseThrow();
  }

  static HostSummary host(Analysis a, String key) {
    return a.hosts().stream().filter(h -> h.key().equals(key)).findFirst().orElseThrow();
  }

  static List<BenchmarkResult> c7gResults(String keyPrefix) {
    return Fixtures.real().stream().filter(r -> r.record().hostKey().equals("c7g.xlarge"))
        .map(r -> Fixtures.result(r, keyPrefix)).toList();
  }

  @Test
  void recordsOfOneInstanceTypeFormOneHostPricedFromTheEmbeddedCatalog() {
    Analysis a = real();
    assertThat(a.hosts()).extracting(HostSummary::key).containsExactly("c7g.xlarge", "c7i.xlarge");
    assertThat(host(a, "c7g.xlarge").usdPerHour()).isEqualTo(0.145);
    assertThat(host(a, "c7g.xlarge").runIds()).hasSize(2);
    assertThat(host(a, "c7i.xlarge").usdPerHour()).isEqualTo(0.1785);
    assertThat(a.priceSources()).anyMatch(s -> s.contains("2026-07-20"));
    assertThat(a.problems()).isEmpty();
  }

  @Test
  void twoRecordsAreTheInstanceLevelOfTheIntervalOneRecordSaysWhatItCannotInclude() {
    Analysis a = real();
    Cell g = cell(row(a, SUM), "c7g.xlarge");
    List<BenchmarkResult> rs = c7gResults(SUM);
    double mean = rs.stream().mapToDouble(r -> BenchmarkResult.meanOfForkMeans(r.rawData())).average().orElseThrow();
    assertThat(g.score().value()).isCloseTo(mean, within(mean * 1e-5));
    assertThat(g.sample().records()).isEqualTo(2);
    assertThat(g.sample().forks()).isEqualTo(rs.stream().mapToInt(r -> r.rawData().size()).sum());
    assertThat(g.sample().scope()).isEqualTo(IntervalScope.RECORDS);
    assertThat(g.score().lower()).isLessThanOrEqualTo(g.score().value());
    assertThat(g.score().upper()).isGreaterThanOrEqualTo(g.score().value());

    Cell i = cell(row(a, SUM), "c7i.xlarge");
    assertThat(i.sample().records()).isEqualTo(1);
    assertThat(i.sample().scope()).isIn(IntervalScope.FORKS, IntervalScope.ITERATIONS);
    assertThat(i.notes()).contains(i.sample().scope().caveat());
  }

  /** HdrHistogram's own decoder, independent of the record module's. */
  static Histogram decode(String base64) throws Exception {
    return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
  }

  @Test
  void aHostsP99IsTheP99OfItsRecordsMergedHistogramsNotAMeanOfP99s() throws Exception {
    Analysis a = real();
    for (String key : List.of(SAMPLED, "web/knee.http", "inference/singlestream.mlp.onnxruntime")) {
      Histogram merged = new Histogram(3);
      List<Double> p99s = new ArrayList<>();
      int forks = 0;
      for (BenchmarkResult r : c7gResults(key)) {
        Histogram rec = new Histogram(3);
        for (String h : r.latency().histograms()) {
          rec.add(decode(h));
          forks++;
        }
        p99s.add(rec.getValueAtPercentile(99) / 1e6);
        merged.add(rec);
      }
      assertThat(p99s).hasSize(2);
      double expected = Rounding.r6(merged.getValueAtPercentile(99) / 1e6);
      Cell c = cell(row(a, key), "c7g.xlarge");
      assertThat(c.latency().percentilesMs().get(Percentile.P99)).as(key).isEqualTo(expected);
      assertThat(c.latency().histograms()).isEqualTo(forks).isGreaterThan(2);
      assertThat(c.latency().source()).isEqualTo("merged histograms of " + forks + " forks in 2 records");
    }
  }

  @Test
  void workPerDollarAndCostFollowFromWorkPerSecondAndThePrice() {
    Analysis a = real();
    BenchmarkRow zr = row(a, ZSTD);
    Cell z = cell(zr, "c7g.xlarge");
    assertThat(zr.perDollarUnit()).isEqualTo("GB per $");
    assertThat(zr.costUnit()).isEqualTo("$ per TB");
    double mbps = z.rates().workPerSecond().value();
    assertThat(mbps).isEqualTo(z.score().value());
    assertThat(z.rates().workPerDollar().value()).isCloseTo(mbps * 3600 / 0.145 / 1000, within(mbps * 1e-4));
    assertThat(z.rates().costPerMillion().value()).isCloseTo(0.145 / (mbps * 3600) * 1e6, within(1e-6));
    assertThat(z.rates().costPerMillion().lower())
        .isCloseTo(0.145 / (z.rates().workPerSecond().upper() * 3600) * 1e6, within(1e-6));

    // us/op inverted: the sampled sum's time per call gives calls per second.
    Cell s = cell(row(a, SAMPLED), "c7g.xlarge");
    assertThat(s.rates().workPerSecond().value()).isCloseTo(1e6 / s.score().value(), within(1e6 / s.score().value() * 1e-4));
  }

  @Test
  void verdictsFollowTheIntervalsAndTheBaselineIsItsOwn() {
    Analysis a = real();
    int compared = 0;
    for (BenchmarkRow r : a.benchmarks()) {
      for (Cell c : r.cells()) {
        if (c.relative() == null) {
          continue;
        }
        compared++;
        Estimate e = c.relative().ratio();
        boolean single = c.sample().scope() == IntervalScope.NONE
            || cell(r, "c7i.xlarge").sample().scope() == IntervalScope.NONE;
        Verdict expected = c.host().equals("c7i.xlarge") ? Verdict.BASELINE
            : single ? Verdict.UNTESTED
            : e.lower() > 1 ? Verdict.BETTER : e.upper() < 1 ? Verdict.WORSE : Verdict.NO_SIGNIFICANT_DIFFERENCE;
        assertThat(c.relative().verdict()).as(r.key() + " on " + c.host()).isEqualTo(expected);
      }
    }
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void winnersWithOverlappingIntervalsAreNotWinners() {
    record H(String name, Estimate e) {}
    Function<H, Estimate> f = H::e;
    List<H> clear = List.of(new H("a", new Estimate(10, 9.5, 10.5)), new H("b", new Estimate(8, 7.5, 8.5)));
    assertThat(Comparisons.winner(clear, H::name, f, "best")).isEqualTo("a: best");
    List<H> tied = List.of(new H("a", new Estimate(10, 9, 11)), new H("b", new Estimate(9.5, 8.5, 10.2)),
        new H("c", new Estimate(5, 4, 6)));
    assertThat(Comparisons.winner(tied, H::name, f, "best")).isEqualTo("no significant difference between a, b");
  }

  @Test
  void geometricMeansPerWorkloadAreOfTheCellsRatios() {
    Analysis a = real();
    var comp = a.workloads().stream().filter(w -> w.workload().equals("compression")).findFirst().orElseThrow();
    var g = comp.hosts().stream().filter(h -> h.host().equals("c7g.xlarge")).findFirst().orElseThrow();
    double logSum = 0;
    int n = 0;
    for (BenchmarkRow r : a.benchmarks()) {
      if (r.workload().equals("compression")) {
        logSum += Math.log(cell(r, "c7g.xlarge").relative().ratio().value());
        n++;
      }
    }
    assertThat(g.benchmarks()).isEqualTo(n).isGreaterThanOrEqualTo(2);
    assertThat(g.relative().value()).isCloseTo(Math.exp(logSum / n), within(1e-4));
    assertThat(g.relativePricePerformance().value()).isCloseTo(g.relative().value() * 0.1785 / 0.145, within(1e-3));
    var base = a.overall().hosts().stream().filter(h -> h.host().equals("c7i.xlarge")).findFirst().orElseThrow();
    assertThat(base.relative()).isEqualTo(new Estimate(1, 1, 1));
  }

  @Test
  void capacityAnswersComeFromTheWebKneeAndTheInferenceServerScenario() {
    Analysis a = Reports.analyze(Fixtures.real(), List.of(), OPTIONS.withTargetLoads(List.of(
        TargetLoad.parse("web:json=20000rps@p99<10ms"), TargetLoad.parse("inference:mlp=5000ips@p99<100ms"))));
    for (var plan : a.capacity()) {
      String prefix = plan.workload().equals("web") ? "web/knee.http" : "inference/server.mlp.onnxruntime";
      for (var ans : plan.answers()) {
        Cell c = cell(row(a, prefix), ans.host());
        Analysis.KneeCell k = c.knee();
        assertThat(k.percentile()).isEqualTo(Percentile.P99);
        if (k.found() == Knee.Found.UPPER_BOUND) {
          assertThat(ans.instances()).isNull();
          assertThat(ans.note()).startsWith("no rate tried met p99<");
          continue;
        }
        assertThat(ans.benchmark()).startsWith(prefix);
        assertThat(ans.instances()).isEqualTo((int) Math.ceil(plan.ratePerSecond() / k.rate().value()));
        assertThat(ans.instancesConservative()).isEqualTo((int) Math.ceil(plan.ratePerSecond() / k.rate().lower()))
            .isGreaterThanOrEqualTo(ans.instances());
        double usd = host(a, ans.host()).usdPerHour();
        assertThat(ans.monthlyUsd()).isCloseTo(ans.instances() * usd * 730, within(1e-6));
        assertThat(ans.monthlyUsdConservative()).isCloseTo(ans.instancesConservative() * usd * 730, within(1e-6));
        assertThat(k.costPerMillion().value()).isCloseTo(usd / (k.rate().value() * 3600) * 1e6, within(1e-6));
      }
    }
    // A stricter bound than any knee was measured at cannot be answered from it.
    Analysis strict = Reports.analyze(Fixtures.real(), List.of(),
        OPTIONS.withTargetLoads(List.of(TargetLoad.parse("web:json=20k rps@p99<5ms"))));
    assertThat(strict.capacity().get(0).answers().get(0).note())
        .startsWith("knee measured at p99<10ms, looser than the p99<5ms asked");
    assertThatThrownBy(() -> TargetLoad.parse("web=lots")).hasMessageContaining("WORKLOAD:SELECTOR=RATE@pNN<BOUNDms");
  }

  @Test
  void aKneeThatNeverReachedTheBoundIsALowerBoundAndTheReportSaysSo() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    LoadedRecord c7i = recs.remove(2);
    recs.add(Fixtures.mapResults(c7i, c7i.file(), c7i.record().run().id(), r -> r.knee() == null ? r
        : withKnee(r, new Knee(r.knee().rates(), r.knee().unit(), r.knee().percentile(), r.knee().boundMs(),
            Knee.Found.LOWER_BOUND, r.knee().rates().get(0)))));
    Analysis a = Reports.analyze(recs, List.of(), OPTIONS.withTargetLoads(List.of(
        TargetLoad.parse("inference:mlp=5000ips@p99<100ms"))));
    var ans = a.capacity().get(0).answers().stream().filter(x -> x.host().equals("c7i.xlarge")).findFirst().orElseThrow();
    assertThat(ans.kneeFound()).isEqualTo(Knee.Found.LOWER_BOUND);
    assertThat(ans.note()).contains("the knee search never reached the bound").contains("at most this many instances");
    assertThat(Reports.render(a, ReportFormat.Type.MARKDOWN)).contains("≥ ");
  }

  static BenchmarkResult withKnee(BenchmarkResult r, Knee k) {
    return r.toBuilder().knee(k).precision(null).forkRuns(null).build();
  }

  @Test
  void smokeAndSharedRunnerRecordsAreLeftOutOfPriceComparisonsUnlessAllowedThenMarked() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    recs.addAll(Fixtures.offCloudAndNoisy());
    ReportOptions opt = OPTIONS.withPrices(List.of(ManualPrice.parse("laptop=0.05"), ManualPrice.parse("ci-runner=0.008")));
    Analysis refused = Reports.analyze(recs, List.of(), opt);
    HostSummary ci = host(refused, "ci-runner");
    assertThat(ci.noisy()).containsExactly("shared CI runner", "smoke profile");
    assertThat(ci.priceCompared()).isFalse();
    assertThat(refused.benchmarks()).allMatch(r -> r.cells().stream()
        .filter(c -> c.host().equals("ci-runner")).allMatch(c -> c.rates().workPerDollar() == null));
    assertThat(refused.problems()).containsExactly("records/ci.json: host ci-runner (shared CI runner, smoke profile) "
        + "is left out of price comparisons; pass --allow-noisy to include it, marked");
    assertThat(host(refused, "laptop").usdPerHour()).isEqualTo(0.05);

    Analysis allowed = Reports.analyze(recs, List.of(), opt.withAllowNoisy(true));
    assertThat(host(allowed, "ci-runner").priceCompared()).isTrue();
    assertThat(cell(row(allowed, SUM), "ci-runner").rates().workPerDollar()).isNotNull();
    assertThat(Reports.render(allowed, ReportFormat.Type.MARKDOWN)).contains("ci-runner ⚠ noisy")
        .contains("Noisy records included (--allow-noisy)");
    assertThat(Reports.render(allowed, ReportFormat.Type.HTML)).contains("<span class=\"tag noisy\">⚠ noisy</span>");
  }

  @Test
  void badInputBecomesOneLinePerProblemAndTheRestIsStillReported() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    LoadedRecord first = recs.get(0);
    recs.add(new LoadedRecord("copies/again.json", first.record()));
    BenchmarkResult ok = Fixtures.result(first, SUM);
    LoadedRecord weird = Fixtures.mapResults(Fixtures.rerun(first, "weird.json", Fixtures.runId(50, 1),
            h -> Fixtures.onEc2(h, "c99z.mega", "on-demand"), i -> i.withLabel("weird")), "weird.json",
        Fixtures.runId(50, 1), r -> r.key().equals(ok.key()) ? Fixtures.withRaw(r, List.of(List.of(10.0, -3.0))) : r);
    recs.add(weird);
    Analysis a = Reports.analyze(recs, List.of("cut.json: not valid JSON (Unexpected end-of-input at line 3, column 1)"), OPTIONS);
    assertThat(a.problems()).containsExactly(
        "cut.json: not valid JSON (Unexpected end-of-input at line 3, column 1)",
        "copies/again.json: duplicate run id " + first.record().run().id() + " (already read from " + first.file() + "); skipped",
        "weird.json: result " + ok.key() + ": raw data contains a value that is not a positive finite number; left out",
        "weird.json: unknown instance type c99z.mega (not in the price catalog); c99z.mega is shown without price-performance");
    assertThat(a.problems()).allMatch(p -> !p.contains("\n"));
    HostSummary w = host(a, "c99z.mega");
    assertThat(w.usdPerHour()).isNull();
    assertThat(row(a, ok.key()).cells()).noneMatch(c -> c.host().equals("c99z.mega"));
    assertThat(cell(row(a, ZSTD), "c99z.mega").score()).isNotNull();
    assertThat(host(a, "c7g.xlarge").runIds()).hasSize(2);
    assertThat(InputValidation.badNumbers(Fixtures.withRaw(ok, List.of(List.of(0.0))))).isEqualTo("score is zero");
  }

  /** Valid but extreme numbers: derived figures overflow; the cells say so and every format renders. */
  @Test
  void valuesAtTheEdgeOfTheDoubleRangeBecomeNotComputedNeverACrash() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    LoadedRecord c7i = recs.get(2);
    List<List<Double>> huge = List.of(List.of(1e308, 1e308, 1e308));
    recs.set(2, Fixtures.mapResults(c7i, c7i.file(), c7i.record().run().id(),
        r -> r.key().equals(SUM) || r.key().equals(ZSTD) ? Fixtures.withRaw(r, huge, 1e308) : r));
    Analysis a = Reports.analyze(recs, List.of(), OPTIONS.withBaseline("c7g.xlarge"));
    assertThat(a.problems()).isEmpty();
    assertThat(row(a, SUM).cells()).extracting(Cell::host).contains("c7i.xlarge");
    Cell sum = cell(row(a, SUM), "c7i.xlarge");
    assertThat(sum.score()).isNull();
    assertThat(sum.notes()).contains("score not computed: its values overflow double-precision arithmetic");
    assertThat(sum.relative()).isNull();
    assertThat(cell(row(a, SUM), "c7g.xlarge").score()).isNotNull();
    for (ReportFormat.Type t : ReportFormat.Type.values()) {
      assertThat(Reports.render(a, t)).isNotEmpty();
    }
    // One value of 1e308 is finite, but its work per second in bytes and per dollar overflow.
    recs.set(2, Fixtures.mapResults(c7i, c7i.file(), c7i.record().run().id(),
        r -> r.key().equals(ZSTD) ? Fixtures.withRaw(r, List.of(List.of(1e308))) : r));
    Analysis b = Reports.analyze(recs, List.of(), OPTIONS.withBaseline("c7g.xlarge"));
    Cell z = cell(row(b, ZSTD), "c7i.xlarge");
    assertThat(z.score()).isNotNull();
    assertThat(z.notes()).anyMatch(n -> n.endsWith("not computed: the value overflows or is undefined"));
    for (ReportFormat.Type t : ReportFormat.Type.values()) {
      assertThat(Reports.render(b, t)).isNotEmpty();
    }
  }

  @Test
  void versionOneRecordsStillReportWithTheirSummaries() {
    LoadedRecord v1 = Fixtures.version1();
    assertThat(v1.record().schemaVersion()).isEqualTo(RunRecord.SCHEMA_VERSION);
    Analysis a = Reports.analyze(List.of(v1), List.of(), ReportOptions.defaults().withAllowNoisy(true)
        .withPrices(List.of(ManualPrice.parse("v1-fixture=0.0836"))));
    Cell s = cell(row(a, "inference/singlestream.mlp.onnxruntime"), "v1-fixture");
    assertThat(s.status()).isEqualTo(Status.OK);
    assertThat(s.latency().source()).isEqualTo("the record's summary (version 1: no histograms)");
    assertThat(s.latency().percentilesMs()).containsKey(Percentile.P99);
    assertThat(s.rates().workPerDollar()).isNotNull();
    // us/op summaries are converted to ms.
    Cell sampled = cell(row(a, SAMPLED), "v1-fixture");
    assertThat(sampled.latency().percentilesMs().get(Percentile.P50)).isLessThan(0.01);
    for (ReportFormat.Type t : ReportFormat.Type.values()) {
      assertThat(Reports.render(a, t)).contains("checksum.scenario");
    }
  }

  @Test
  void spotLifecycleIsNotedWhenPricedOnDemand() {
    LoadedRecord spot = Fixtures.rerun(Fixtures.load("v2/c7g-1.json"), "s.json", Fixtures.runId(80, 1),
        h -> Fixtures.onEc2(h, "c7g.xlarge", "spot"), i -> i);
    Analysis a = Reports.analyze(List.of(spot), List.of(), ReportOptions.defaults());
    assertThat(a.hosts().get(0).priceNote()).startsWith("ran on a spot instance, priced on-demand");
    assertThat(a.hosts().get(0).usdPerHour()).isEqualTo(0.145);
  }

  @Test
  void unknownBaselineIsAUsageProblem() {
    assertThatThrownBy(() -> Reports.analyze(Fixtures.real(), List.of(), OPTIONS.withBaseline("m5.large")))
        .hasMessage("--baseline m5.large matches no host (hosts: c7g.xlarge, c7i.xlarge)");
  }

  @Test
  void inputOrderAndRepetitionDoNotChangeAByte() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    String a = Json.write(Reports.analyze(recs, List.of(), OPTIONS));
    Collections.reverse(recs);
    String b = Json.write(Reports.analyze(recs, List.of(), OPTIONS));
    assertThat(b).isEqualTo(a);
    assertThat(Json.write(Reports.analyze(Fixtures.real(), List.of(), OPTIONS))).isEqualTo(a);
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
    LoadedRecord l = Fixtures.rerun(Fixtures.load("v2/c7i-1.json"), "l.json", Fixtures.runId(70, 1),
        h -> Fixtures.offCloud(h, "h-x"), i -> i.withLabel("my-laptop"));
    Analysis a = Reports.analyze(List.of(l), List.of(), ReportOptions.defaults());
    assertThat(a.problems()).containsExactly(
        "l.json: not an EC2 instance and no --price given for it; my-laptop is shown without price-performance");
    assertThat(a.benchmarks()).allMatch(b -> b.cells().stream().allMatch(c -> c.rates().workPerDollar() == null));
    assertThat(Reports.render(a, ReportFormat.Type.MARKDOWN)).contains("no price: not an EC2 instance");
  }
}
