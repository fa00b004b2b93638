package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.format.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteAndRunReportTest {
  @TempDir Path dir;

  @Test
  void siteHasAnIndexEachReportAndTheRawRecordsAndRepublishingReplaces() throws Exception {
    List<LoadedRecord> recs = Fixtures.real();
    Analysis a = Reports.analyze(recs, List.of(), ReportOptions.defaults());
    Path site = dir.resolve("site");
    Path r1 = Site.publish(site, a, recs, EnumSet.of(ReportFormat.Type.MARKDOWN));
    Path r2 = Site.publish(site, a, recs, EnumSet.of(ReportFormat.Type.MARKDOWN));
    assertThat(r2).isEqualTo(r1);
    Path other = Site.publish(site, Reports.analyze(recs.subList(0, 2), List.of(), ReportOptions.defaults()),
        recs.subList(0, 2), EnumSet.of(ReportFormat.Type.CSV));
    assertThat(other).isNotEqualTo(r1);
    try (Stream<Path> s = Files.list(site.resolve("reports"))) {
      assertThat(s.count()).isEqualTo(2);
    }
    assertThat(r1.resolve("report.html")).exists();
    assertThat(r1.resolve("report.md")).exists();
    assertThat(r1.resolve("report.json")).exists();
    try (Stream<Path> s = Files.list(site.resolve("records"))) {
      assertThat(s.count()).isEqualTo(3);
    }
    RunRecord back = RecordFiles.read(site.resolve("records").resolve(recs.get(0).record().run().id() + ".json"));
    assertThat(back).isEqualTo(recs.get(0).record());
    String index = Files.readString(site.resolve("index.html"));
    assertThat(index).contains("href=\"reports/" + r1.getFileName() + "/report.html\"")
        .contains("href=\"reports/" + other.getFileName() + "/report.csv\"")
        .contains("3 raw run records");
  }

  @Test
  void runReportIsWrittenBesideTheRecordAndMarksSmokeRuns() throws Exception {
    RunRecord smoke = Fixtures.rerun(Fixtures.load("v2/c7g-1.json"), "smoke.json", Fixtures.runId(3, 3), h -> h,
        i -> new dev.archbench.record.RunInfo(i.id(), i.startedAt(), i.endedAt(), i.status(), i.harnessVersion(),
            i.gitCommit(), i.commandLine(), "smoke", null, false, i.warnings())).record();
    Path file = dir.resolve(smoke.run().id() + ".json");
    RecordFiles.create(file, smoke);
    Path html = Reports.writeRunReport(file);
    assertThat(html).isEqualTo(dir.resolve(smoke.run().id() + ".html"));
    String page = Files.readString(html);
    assertThat(page).contains("Smoke profile.").contains("c7g.xlarge");
    String md = Files.readString(dir.resolve(smoke.run().id() + ".md"));
    assertThat(md).contains("**Smoke profile:**").contains("left out of price comparisons: smoke profile");

    RunRecord quick = Fixtures.rerun(Fixtures.load("v2/c7g-2.json"), "q.json", Fixtures.runId(3, 4), h -> h,
        i -> i.withLabel("mine")).record();
    Path q = dir.resolve("q.json");
    RecordFiles.create(q, quick);
    String qpage = Files.readString(Reports.writeRunReport(q));
    assertThat(qpage).doesNotContain("Smoke profile.").contains("$0.145").contains("GB per $");
  }

  @Test
  void aRecordInHandIsNotReadBackFromDisk() throws Exception {
    RunRecord quick = Fixtures.load("v2/c7g-2.json").record();
    Path onDisk = Files.createDirectories(dir.resolve("disk")).resolve("r.json");
    RecordFiles.create(onDisk, quick);
    String fromDisk = Files.readString(Reports.writeRunReport(onDisk));
    Path notWritten = Files.createDirectories(dir.resolve("hand")).resolve("r.json");
    Path html = Reports.writeRunReport(notWritten, quick);
    assertThat(notWritten).as("only the report is written, from the record given").doesNotExist();
    assertThat(Files.readString(html)).isEqualTo(fromDisk);
  }

  @Test
  void aRunWithNoResultsYetOrOnlyFailuresStillGivesAReport() throws Exception {
    RunRecord empty = RunRecord.start(Fixtures.load("v2/c7g-1.json").record().host(),
        dev.archbench.record.RecordFixtures.run(Fixtures.runId(4, 1), "quick"));
    Path file = dir.resolve("empty.json");
    RecordFiles.create(file, empty);
    assertThat(Files.readString(Reports.writeRunReport(file))).contains("archbench run test on c7g.xlarge");

    RunRecord failed = empty.withResult(dev.archbench.record.BenchmarkResult.skipped("web", "tls", java.util.Map.of(),
        1, "req/s", true, "no BoringSSL for this arch"));
    Analysis a = Reports.analyze(List.of(new LoadedRecord("f.json", failed)), List.of(), ReportOptions.defaults());
    assertThat(a.benchmarks()).hasSize(1);
    assertThat(a.benchmarks().get(0).cells().get(0).status()).isEqualTo(dev.archbench.record.Status.SKIPPED);
    for (ReportFormat.Type t : ReportFormat.Type.values()) {
      assertThat(Reports.render(a, t)).contains("tls");
    }
    assertThat(Reports.render(a, ReportFormat.Type.HTML)).contains("skipped: no BoringSSL for this arch");
  }
}
