package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void writesEveryFormatForADirectoryOfRecords() throws Exception {
    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", records.toString(), "--out", out.toString(), "--baseline", "c7i.xlarge");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly(out.resolve("report.html").toString(),
        out.resolve("report.md").toString(), out.resolve("report.csv").toString(), out.resolve("report.json").toString());
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("Baseline: **c7i.xlarge**").contains("| c7g.xlarge | aarch64 | $0.145 |");
    // A header, then one row per result of the record on each of the three hosts.
    int results = ReportFixtureRecords.record("c7g.xlarge", "aarch64", 1, 1.0).results().size();
    assertThat(Files.readString(out.resolve("report.csv")).lines()).hasSize(1 + results * 3);
    assertThat(Json.mapper().readTree(out.resolve("report.json").toFile()).path("analysis").path("hosts").size())
        .isEqualTo(3);
    assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>");

    // A report written inside the records directory is not read back as a record.
    CliRun inside = CliRun.of("report", records.toString(), "--out", records.resolve("report").toString());
    assertThat(inside.exit()).isZero();
    CliRun again = CliRun.of("report", records.toString(), "--out", records.resolve("report").toString());
    assertThat(again.err()).isEmpty();
  }

  @Test
  void badRecordsAreOneLineEachAndTheRestIsReportedUnlessStrict() throws Exception {
    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    String good = Files.readString(records.resolve("c7g.json"));
    Files.writeString(records.resolve("cut.json"), good.substring(0, good.length() / 3));
    Files.writeString(records.resolve("future.json"), good.replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 9"));
    RecordFiles.create(records.resolve("laptop.json"), ReportFixtureRecords.offCloud("laptop", 9));
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", records.toString(), "--out", out.toString(), "--format", "md");
    assertThat(r.exit()).isZero();
    assertThat(r.err().lines()).hasSize(3).allMatch(l -> l.startsWith("archbench: warning: "));
    assertThat(r.err()).contains(records.resolve("cut.json") + ": not valid JSON")
        .contains(records.resolve("future.json") + ": schemaVersion 9 is not supported")
        .contains(records.resolve("laptop.json") + ": not an EC2 instance and no --price given for it");
    assertThat(Files.readString(out.resolve("report.md"))).contains("c7a.xlarge").contains("laptop");

    CliRun priced = CliRun.of("report", records.toString(), "--out", out.toString(), "--format", "md",
        "--price", "laptop=0.04");
    assertThat(priced.err().lines()).hasSize(2);
    assertThat(Files.readString(out.resolve("report.md"))).contains("| laptop | x86\\_64 | $0.04 |");

    Path strictOut = dir.resolve("strict");
    CliRun strict = CliRun.of("report", records.toString(), "--out", strictOut.toString(), "--strict");
    assertThat(strict.exit()).isEqualTo(ExitCodes.FAILURE);
    assertThat(strict.err()).endsWith("archbench: 3 problems with the input; no report written (--strict)"
        + System.lineSeparator());
    assertThat(strictOut).doesNotExist();
  }

  @Test
  void wrongOptionsAreUsageErrors() throws Exception {
    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    String o = dir.resolve("o").toString();
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--pricing", "monthly").exit()).isEqualTo(2);
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--format", "pdf").err())
        .isEqualTo("archbench: unknown format 'pdf' (expected html, md, csv, json)" + System.lineSeparator());
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--price", "laptop").exit()).isEqualTo(2);
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--pricing", "spot").err())
        .contains("--pricing spot needs --spot-prices FILE");
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--baseline", "m5.large").err())
        .contains("--baseline m5.large matches no host");
    assertThat(CliRun.of("report", records.toString(), "--out", o, "--target-load", "web=fast").exit()).isEqualTo(2);
    CliRun none = CliRun.of("report", dir.resolve("nothing.json").toString(), "--out", o);
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.err()).contains("nothing.json: no such file").contains("no readable run records");
  }

  @Test
  void publishesAStaticSite() throws Exception {
    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    Path site = dir.resolve("site");
    CliRun r = CliRun.of("report", records.toString(), "--out", dir.resolve("o").toString(), "--site", site.toString());
    assertThat(r.exit()).isZero();
    assertThat(site.resolve("index.html")).exists();
    assertThat(Files.list(site.resolve("records")).count()).isEqualTo(3);
    assertThat(r.out()).contains(site.resolve("index.html").toString());
  }
}
