package dev.archbench.harness.cli;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * Record files for CLI tests: copies of a record the harness really wrote (the reports' fixtures,
 * made by {@code reports/src/test/resources/records/regenerate.sh}), re-hosted and with raw data
 * scaled. Only who ran it and how fast change, never what the record contains.
 */
final class ReportFixtureRecords {
  static final Path REAL = Path.of("../reports/src/test/resources/records/v2/c7g-1.json");

  private ReportFixtureRecords() {}

  static RunRecord record(String instanceType, String arch, int n, double scale) {
    RunRecord real = RecordFiles.read(REAL);
    String id = String.format(java.util.Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
    Host h = real.host();
    Host.Cloud c = h.cloud();
    Host host = new Host(arch, h.id(), h.cpu(), h.memory(), h.os(), h.container(), h.virtualization(), h.jvm(),
        new Host.Cloud(c.provider(), instanceType, c.region(), c.availabilityZone(), c.lifecycle(), c.amiId(),
            c.source()), h.accelerators(), h.environment());
    RunInfo i = real.run();
    RunInfo run = new RunInfo(id, i.startedAt(), i.endedAt(), i.status(), i.harnessVersion(), i.gitCommit(),
        i.commandLine(), i.profile(), null, i.comparable(), i.warnings());
    List<BenchmarkResult> results = real.results().stream().map(r -> r.isOk() ? scaled(r, scale) : r).toList();
    return new RunRecord(real.schemaVersion(), host, run, results);
  }

  /** Raw data times {@code scale} (for a time per operation, divided: {@code scale} is always "faster"). */
  static BenchmarkResult scaled(BenchmarkResult r, double scale) {
    double s = r.higherIsBetter() ? scale : 1 / scale;
    List<List<Double>> raw = r.rawData().stream().map(f -> f.stream().map(v -> v * s).toList()).toList();
    // Precision and fork runs described the unscaled data: left out.
    return r.toBuilder().score(BenchmarkResult.meanOfForkMeans(raw)).rawData(raw).precision(null).forkRuns(null)
        .build();
  }

  static RunRecord offCloud(String label, int n) {
    RunRecord r = record("none", "x86_64", n, 0.8);
    Host h = r.host();
    Host off = new Host(h.arch(), "h-" + label, h.cpu(), h.memory(), h.os(), h.container(), null, h.jvm(),
        Host.Cloud.NONE, h.accelerators(), h.environment());
    return new RunRecord(r.schemaVersion(), off, r.run().withLabel(label), r.results());
  }

  static void writeThree(Path dir) {
    RecordFiles.create(dir.resolve("c7g.json"), record("c7g.xlarge", "aarch64", 1, 1.0));
    RecordFiles.create(dir.resolve("c7i.json"), record("c7i.xlarge", "x86_64", 2, 1.1));
    RecordFiles.create(dir.resolve("c7a.json"), record("c7a.xlarge", "x86_64", 3, 1.25));
  }
}
