package dev.archbench.reports.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostAggregate;
import dev.archbench.reports.Analysis.WorkloadSummary;
import dev.archbench.reports.Fixtures;
import dev.archbench.reports.ReportOptions;
import dev.archbench.reports.Reports;
import dev.archbench.reports.TargetLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the human-readable formats show, from real fixture records: the decision first, no
 * self-comparisons for one host, a forest plot per workload, the same numbers in HTML and Markdown.
 */
class ReportViewsTest {
  static Analysis oneHost() {
    return Reports.analyze(Fixtures.oneHost(), List.of(), ReportOptions.defaults());
  }

  static Analysis threeHosts() {
    return Reports.analyze(Fixtures.threeHostsWithAccelerator(), List.of(), ReportOptions.defaults()
        .withBaseline("c7i.xlarge").withTargetLoads(List.of(TargetLoad.parse("web:json=250000rps@p99<10ms"))));
  }

  @Test
  void oneHostSaysWhatItDoesPerDollarAndHowToCompareWithoutComparingItWithItself() {
    Analysis a = oneHost();
    String html = Reports.render(a, ReportFormat.Type.HTML);
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(html).contains("ci/ec2/launch").contains("--price LABEL=USD_PER_HOUR");
    assertThat(md).contains("`ci/ec2/launch").contains(Fmt.md("--price LABEL=USD_PER_HOUR"));
    for (String out : List.of(html, md)) {
      assertThat(out).doesNotContain("±0%").doesNotContain("vs baseline").doesNotContain("Baseline:")
          .contains("What c7i.xlarge does").contains("priced at $0.1785 per hour");
    }
    // No forest plot (nothing to compare), no summary bars of a host against itself.
    assertThat(html).doesNotContain("relative to c7i.xlarge").doesNotContain("id=\"summary\"");
  }

  /** The three hosts plus a laptop priced far below them (the same run as c7i.xlarge, relabelled). */
  static Analysis withCheapLaptop() {
    List<dev.archbench.reports.LoadedRecord> recs = new java.util.ArrayList<>(Fixtures.threeHostsWithAccelerator());
    recs.add(Fixtures.offCloudAndNoisy().get(0));
    return Reports.analyze(recs, List.of(), ReportOptions.defaults().withBaseline("c7i.xlarge")
        .withPrices(List.of(dev.archbench.reports.price.ManualPrice.parse("laptop=0.05"))));
  }

  @Test
  void theDecisionNamesTheBestPerWorkloadWithTheIntervalOfItsLeadOrSaysItCannotTell() {
    int named = 0;
    for (Analysis a : List.of(threeHosts(), withCheapLaptop())) {
      String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
      for (WorkloadSummary w : a.workloads()) {
        String verdict = w.pricePerformanceVerdict();
        if (verdict == null) {
          continue;
        }
        if (verdict.startsWith("no significant difference")) {
          assertThat(md).contains("**" + Fmt.md(w.workload() + ": can't tell") + "**");
          continue;
        }
        String best = verdict.substring(0, verdict.indexOf(':'));
        HostAggregate g = w.hosts().stream().filter(h -> h.host().equals(best)).findFirst().orElseThrow();
        if (!best.equals(a.baseline()) && g.relativePricePerformance().lower() == g.relativePricePerformance().upper()) {
          // Ahead on single measurements only: no confidence to state.
          assertThat(md).contains("**" + Fmt.md(w.workload() + ": can't tell") + "**");
          continue;
        }
        assertThat(md).contains("**" + Fmt.md(w.workload() + ": " + best) + "** " + Fmt.md("most work per $ (95% confidence)"));
        if (!best.equals(a.baseline())) {
          assertThat(md).contains(Fmt.md(best + " " + Fmt.times(g.relativePricePerformance())));
        }
        named++;
      }
      assertThat(md.indexOf("## Decision")).isLessThan(md.indexOf("## Hosts"));
    }
    assertThat(named).as("workloads with a named winner (the cheap laptop wins clearly)").isPositive();
  }

  /**
   * A real record whose runner stopped one benchmark short of its target (the budget came first) and
   * met it on the others: the details show target, half-width and stop reason, mark the miss, and
   * the decision says what it means.
   */
  @Test
  void resultsShowTheirPrecisionAndTheOnesThatMissedTheirTargetAreMarked() {
    String zstd = "compression/zstd.compress[blockSize=65536,codec=zstd,corpus=json-logs,level=3]@1";
    dev.archbench.reports.LoadedRecord rec = Fixtures.mapResults(Fixtures.load("v2/c7i-1.json"), "p.json",
        Fixtures.runId(9, 1), r -> r.withPrecision(new dev.archbench.record.Precision(0.02, 0.01,
            dev.archbench.record.Precision.StopReason.TARGET_MET, null, null, 10.0)));
    rec = Fixtures.mapResults(rec, "p.json", Fixtures.runId(9, 1), r -> r.key().equals(zstd)
        ? r.withPrecision(new dev.archbench.record.Precision(0.02, 0.08, dev.archbench.record.Precision.StopReason.BUDGET,
            null, null, 10.0))
        : r);
    Analysis a = Reports.analyze(List.of(rec), List.of(), ReportOptions.defaults());
    Cell missed = a.benchmarks().stream().filter(r -> r.key().equals(zstd)).findFirst().orElseThrow().cells().get(0);
    assertThat(missed.sample().precision().missed()).isEqualTo(1);
    assertThat(missed.sample().precision().stopReasons()).containsExactly("budget");
    assertThat(missed.sample().precision().target()).isEqualTo(0.02);
    // The precision column says it; the notes do not repeat it.
    assertThat(missed.notes()).noneMatch(n -> n.contains("precision"));
    String html = Reports.render(a, ReportFormat.Type.HTML);
    assertThat(html).contains("<th>Precision</th>").contains("<strong>±").contains("of ±2%, missed in 1 record (budget)</strong>")
        .contains("of ±2% (target-met)").contains("Short of the precision target:");
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(md).contains("| Precision |").contains("of ±2%, missed in 1 record \\(budget\\)**")
        .contains("Short of the precision target:");
    assertThat(Reports.render(a, ReportFormat.Type.CSV).lines().findFirst().orElseThrow())
        .contains("precision_target,precision_half_width,stop_reasons,missed_target_records");
    // Records written before adaptive stopping have no precision part: nothing is claimed.
    dev.archbench.reports.LoadedRecord before = Fixtures.mapResults(Fixtures.load("v2/c7i-1.json"), "old.json",
        Fixtures.runId(9, 2), r -> r.withPrecision(null));
    assertThat(Reports.render(Reports.analyze(List.of(before), List.of(), ReportOptions.defaults()),
        ReportFormat.Type.HTML)).doesNotContain("Short of the precision target");
  }

  @Test
  void markdownAndHtmlShowTheSameDecisionLines() {
    Analysis a = threeHosts();
    String html = Reports.render(a, ReportFormat.Type.HTML);
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    List<Decision.Section> sections = Decision.of(a);
    assertThat(sections).extracting(Decision.Section::heading)
        .contains("Which host, per workload", "Capacity", "What this comparison does not cover");
    for (Decision.Section s : sections) {
      for (Decision.Line l : s.lines()) {
        assertThat(html).contains(Fmt.html(l.text()));
        assertThat(md).contains(Fmt.md(l.text()));
      }
    }
    // The decision comes before any workload section in both.
    assertThat(html.indexOf("id=\"decision\"")).isLessThan(html.indexOf("id=\"w0\""));
  }

  @Test
  void eachWorkloadHasAForestPlotWithALinePerComparedHostAndBenchmark() {
    Analysis a = threeHosts();
    String html = Reports.render(a, ReportFormat.Type.HTML);
    List<BenchmarkRow> compression = a.benchmarks().stream().filter(r -> r.workload().equals("compression")).toList();
    int expected = 0;
    for (BenchmarkRow r : compression) {
      for (Cell c : r.cells()) {
        if (!c.host().equals(a.baseline()) && c.relative() != null) {
          expected++;
        }
      }
    }
    assertThat(expected).isGreaterThan(compression.size());
    String section = html.substring(html.indexOf("<section id=\"w0\">"), html.indexOf("</section>", html.indexOf("<section id=\"w0\">")));
    String forest = section.substring(section.indexOf("<svg"), section.indexOf("</svg>"));
    // One square marker per line, in the colour of its verdict.
    int markers = forest.split("width=\"9\" height=\"9\"", -1).length - 1;
    assertThat(markers).isEqualTo(expected);
    assertThat(section).contains("<details><summary>Per-benchmark details (" + compression.size() + " benchmarks)");
    // The per-benchmark bar charts are gone: one picture for the workload.
    assertThat(section.split("<svg", -1).length - 1).isEqualTo(1);
  }

  @Test
  void severalRecordsOfOneHostShowTheirSpreadAndSayTheIntervalIncludesIt() {
    Analysis a = threeHosts();
    Cell c7g = a.benchmarks().stream().flatMap(r -> r.cells().stream())
        .filter(c -> c.host().equals("c7g.xlarge") && c.score() != null).findFirst().orElseThrow();
    assertThat(c7g.sample().records()).isEqualTo(2);
    assertThat(c7g.sample().recordSpread()).isNotNull();
    assertThat(c7g.sample().recordSpread().min()).isLessThanOrEqualTo(c7g.sample().recordSpread().max());
    String html = Reports.render(a, ReportFormat.Type.HTML);
    assertThat(html).contains("2 records, ").contains("(the interval includes this spread)")
        .contains("<b>Several records:</b> c7g.xlarge (2); their intervals include the variation between records");
    Cell c7i = a.benchmarks().stream().flatMap(r -> r.cells().stream())
        .filter(c -> c.host().equals("c7i.xlarge") && c.score() != null).findFirst().orElseThrow();
    assertThat(c7i.sample().recordSpread()).isNull();
  }

  @Test
  void acceleratorRowsStandBesideTheCpuRowsOfTheSameModel() {
    String html = Reports.render(threeHosts(), ReportFormat.Type.HTML);
    String section = html.substring(html.indexOf("<section id=\"accelerators\">"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section).contains("singlestream.mlp.pytorch-neuron").contains("singlestream.mlp.onnxruntime")
        .contains("inf2.xlarge · neuron").contains("c7g.xlarge · cpu");
    // Records without a second device have no such section.
    assertThat(Reports.render(oneHost(), ReportFormat.Type.HTML)).doesNotContain("id=\"accelerators\"");
  }

  @Test
  void theKneeIsDrawnAgainstItsBoundWithEveryForksSearch() {
    Analysis a = threeHosts();
    String html = Reports.render(a, ReportFormat.Type.HTML);
    assertThat(html).contains("Latency against load: knee.http").contains("p99 target 10 ms")
        .contains("offered load, req/s");
    // One thin line per fork's search, from the steps the records keep.
    int searches = 0;
    for (var row : Views.withKnee(a)) {
      for (var c : row.cells()) {
        searches += c.knee() == null ? 0 : c.knee().searches().size();
      }
    }
    assertThat(searches).isPositive();
    assertThat(html.split("class=\"search\"", -1).length - 1).isEqualTo(searches);
    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(md).contains("Knee searches, step by step");
  }

  @Test
  void theCpuSplitOfLoadTestsIsShownWithTheRecordsNumbers() {
    Analysis a = threeHosts();
    Analysis.LoadCpu c7i = a.loadCpu().stream().filter(c -> c.host().equals("c7i.xlarge")).findFirst().orElseThrow();
    dev.archbench.record.CpuSplit recorded = Fixtures.result(Fixtures.load("v2/c7i-1.json"), c7i.benchmark()).cpu();
    assertThat(c7i.records()).isEqualTo(1);
    assertThat(c7i.serverCores()).isCloseTo(recorded.serverCores(), org.assertj.core.data.Percentage.withPercentage(0.001));
    assertThat(c7i.clientCores()).isCloseTo(recorded.clientCores(), org.assertj.core.data.Percentage.withPercentage(0.001));
    String html = Reports.render(a, ReportFormat.Type.HTML);
    String section = html.substring(html.indexOf("<section id=\"cpu\">"));
    assertThat(section).contains("Cores used: knee.http").contains(Fmt.num(c7i.serverCores()))
        .contains(Fmt.num(c7i.serverRequestsPerCpuSecond()));
  }
}
