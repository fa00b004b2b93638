package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Knee;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.ReportFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report of two-host records (records/two-host/, made by ci/test/two-host-netns.sh: the server in
 * one network namespace, the load generator in another, once on its own CPU and once starved by a
 * cgroup CPU quota). It speaks for the server's host: named and priced as the server's instance type,
 * the load host in its notes, --target-load answered from the server's own CPU, and the steps the
 * starved generator could not drive marked and left out of the knee.
 */
class TwoHostReportTest {
  static final String TARGET = "web:json=20000rps@p99<500ms";

  static List<LoadedRecord> records() {
    return List.of(Fixtures.load("two-host/two-host.json"), Fixtures.load("two-host/starved.json"));
  }

  static Analysis analysis() {
    return Reports.analyze(records(), List.of(), ReportOptions.defaults().withAllowNoisy(true)
        .withTargetLoads(List.of(TargetLoad.parse(TARGET))));
  }

  @Test
  void theHostIsTheServersPricedWithTheLoadHostBesideIt() {
    RunRecord server = records().get(0).record();
    String type = server.host().cloud().instanceType();
    String loadType = server.loadHost().host().cloud().instanceType();
    assertThat(type).isNotEqualTo(loadType);
    Analysis a = analysis();
    assertThat(a.hosts()).extracting(HostSummary::key).containsExactly(type);
    HostSummary h = a.hosts().get(0);
    assertThat(h.usdPerHour()).as("the server's type, priced from the catalog").isPositive();
    assertThat(h.loadHost().host()).isEqualTo(loadType);
    assertThat(h.loadHost().serverCpu()).isEqualTo(server.loadHost().serverCpu());
    assertThat(h.loadHost().records()).as("both records had their load from another host").isEqualTo(2)
        .isEqualTo(h.loadHost().of());
    assertThat(Reports.render(a, ReportFormat.Type.JSON)).contains("\"loadHost\" : \"load from another host: " + loadType);
  }

  @Test
  void capacityComesFromTheServersOwnCpu() {
    CapacityAnswer answer = analysis().capacity().get(0).answers().get(0);
    assertThat(answer.host()).isEqualTo(records().get(0).record().hostKey());
    assertThat(answer.note()).contains("by the server's own CPU (load from another host, read by the server's agent)");
  }

  @Test
  void theStarvedGeneratorsStepsAreMarkedAndLeftOut() {
    BenchmarkResult starved = records().get(1).record().results().get(0);
    long marked = starved.knee().steps().stream().flatMap(List::stream)
        .filter(s -> s.invalid() == Knee.Step.Invalid.GENERATOR_BOUND).count();
    assertThat(marked).as("the fixture's starved search has generator-bound steps").isPositive();
    assertThat(starved.knee().limitedBy()).isEqualTo(Knee.LimitedBy.GENERATOR);

    Analysis a = analysis();
    Cell knee = a.benchmarks().stream().filter(r -> r.benchmark().equals("knee.http"))
        .flatMap(r -> r.cells().stream()).findFirst().orElseThrow();
    assertThat(knee.knee().limitedBy()).isEqualTo(Knee.LimitedBy.GENERATOR);
    assertThat(knee.knee().generatorBoundSteps()).isGreaterThanOrEqualTo(marked);
    assertThat(a.capacity().get(0).answers().get(0).note()).contains("the load generator, not the server, ended the knee search");

    String md = Reports.render(a, ReportFormat.Type.MARKDOWN);
    assertThat(md).contains("generator-bound, not used").contains("load from another host");
    String html = Reports.render(a, ReportFormat.Type.HTML);
    assertThat(html).contains("<path class=\"invalid\"").contains("limited by the load generator");
  }
}
