package dev.archbench.harness.cli;

import dev.archbench.record.Status;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Record files for CLI tests: relabelled copies of the record fixture with scaled scores. */
final class ReportFixtureRecords {
  private ReportFixtureRecords() {}

  static RunRecord record(String instanceType, String arch, int n, double scale) {
    String id = String.format(java.util.Locale.ROOT, "00000000-0000-4000-8000-%012d", n);
    RunRecord base = RunRecord.start(RecordFixtures.host(arch, instanceType), RecordFixtures.run(id, "quick"));
    return base
        .withResult(result("compression", "zstd.compress", "MB/s", scale * 400, scale * 410, scale * 405, scale * 398))
        .withResult(result("web", "json", "ops/s", scale * 9000, scale * 9100, scale * 8950, scale * 9050));
  }

  static BenchmarkResult result(String workload, String bench, String unit, double... v) {
    BenchmarkResult r = RecordFixtures.okResult(workload, bench, v);
    List<List<Double>> forks = List.of(List.of(v[0], v[1]), List.of(v[2], v[3]));
    return new BenchmarkResult(r.key(), workload, bench, Map.of(), "thrpt", 1, 2, unit, true, r.score(), 0.0,
        r.confidence(), null, forks, Map.of(), Map.of(), r.startedAt(), r.endedAt(), Status.OK, null);
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
