package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Report fixtures: records the harness really wrote ({@code src/test/resources/records}, made by
 * {@code regenerate.sh} there), and copies of them that change only who ran them (host, label,
 * profile, run id) or, for robustness tests, one number. Never quantity names typed in here: what a
 * report reads is what the producers write.
 */
public final class Fixtures {
  private Fixtures() {}

  /**
   * A record of {@code records/}, e.g. {@code v2/c7g-1.json}, found on the test class path so that
   * tests and {@code reports/bench/scale.sh} (run from the repository root) read the same file.
   */
  public static LoadedRecord load(String name) {
    java.net.URL url = Fixtures.class.getResource("/records/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no fixture record records/" + name + " on the test class path");
    }
    try {
      return new LoadedRecord("records/" + name, RecordFiles.read(Path.of(url.toURI())));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(url + ": not a file", e);
    }
  }

  /** Real runs reported as two instance types: c7g.xlarge (two records) and c7i.xlarge (one). */
  public static List<LoadedRecord> real() {
    return List.of(load("v2/c7g-1.json"), load("v2/c7g-2.json"), load("v2/c7i-1.json"));
  }

  /**
   * Three instance types from real records: c7g.xlarge (two records), c7i.xlarge, and inf2.xlarge,
   * an accelerator type relabelled from real CPU runs by {@code records/relabel-accelerator.py}
   * (its Neuron row is a CPU measurement: it exercises the layout, not Inferentia).
   */
  public static List<LoadedRecord> threeHostsWithAccelerator() {
    return List.of(load("v2/c7g-1.json"), load("v2/c7g-2.json"), load("v2/c7i-1.json"), load("v2/inf2-1.json"));
  }

  /**
   * A run of three variants of one benchmark ({@code records/regenerate-variants.sh}): the baseline,
   * an identical variant and one that runs in the interpreter ({@code -Xint}).
   */
  public static LoadedRecord variants() {
    return load("variants/selftest-variants.json");
  }

  /** The first report a new user sees: one record of one host. */
  public static List<LoadedRecord> oneHost() {
    return List.of(load("v2/c7i-1.json"));
  }

  /** A record written by the version-1 harness. */
  public static LoadedRecord version1() {
    return load("v1/v1-smoke.json");
  }

  public static String runId(int host, int run) {
    return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", host, run);
  }

  /** A copy of {@code r} as another run: new file name and run id, host and run info changed. */
  public static LoadedRecord rerun(LoadedRecord r, String file, String runId, UnaryOperator<Host> host,
      UnaryOperator<RunInfo> run) {
    RunRecord rec = r.record();
    RunInfo i = rec.run();
    RunInfo renamed = new RunInfo(runId, i.startedAt(), i.endedAt(), i.status(), i.harnessVersion(), i.gitCommit(),
        i.commandLine(), i.profile(), i.label(), i.comparable(), i.warnings());
    return new LoadedRecord(file, new RunRecord(rec.schemaVersion(), host.apply(rec.host()), run.apply(renamed),
        rec.results()));
  }

  /** The host moved off EC2 (no cloud facts), with its own id. */
  public static Host offCloud(Host h, String id) {
    return new Host(h.arch(), id, h.cpu(), h.memory(), h.os(), h.container(), null, h.jvm(), Host.Cloud.NONE,
        h.accelerators(), h.environment());
  }

  /** The host on EC2 as {@code instanceType} with the given lifecycle. */
  public static Host onEc2(Host h, String instanceType, String lifecycle) {
    Host.Cloud c = h.cloud() == null ? Host.Cloud.NONE : h.cloud();
    return new Host(h.arch(), h.id(), h.cpu(), h.memory(), h.os(), h.container(), h.virtualization(), h.jvm(),
        new Host.Cloud("aws", instanceType, c.region() == null ? "us-east-1" : c.region(), c.availabilityZone(),
            lifecycle, c.amiId(), "imds"), h.accelerators(), h.environment());
  }

  private static RunInfo profile(RunInfo i, String profile, String label, boolean comparable,
      List<RunInfo.Warning> warnings) {
    return new RunInfo(i.id(), i.startedAt(), i.endedAt(), i.status(), i.harnessVersion(), i.gitCommit(),
        i.commandLine(), profile, label, comparable, warnings);
  }

  /** A laptop (off EC2, priced with --price laptop=...) and a smoke run on a shared CI runner. */
  public static List<LoadedRecord> offCloudAndNoisy() {
    LoadedRecord laptop = rerun(load("v2/c7i-1.json"), "records/laptop.json", runId(10, 1),
        h -> offCloud(h, "h-laptop"), i -> i.withLabel("laptop"));
    LoadedRecord ci = rerun(load("v2/c7g-2.json"), "records/ci.json", runId(11, 1), h -> offCloud(h, "h-ci"),
        i -> profile(i, "smoke", "ci-runner", false, List.of(new RunInfo.Warning("shared-ci-runner", "GitHub-hosted runner"))));
    return List.of(laptop, ci);
  }

  /** A record whose strings try to break out of HTML and Markdown (labels, host id, result names). */
  public static LoadedRecord hostile() {
    String evil = "<script>alert(1)</script>|`rm -rf`|**x**<img src=x onerror=alert(2)>";
    LoadedRecord base = rerun(load("v2/c7i-1.json"), "records/evil.json", runId(66, 6),
        h -> offCloud(h, "h-evil\"><svg onload=alert(3)>"), i -> i.withLabel(evil));
    List<BenchmarkResult> results = new ArrayList<>(base.record().results());
    BenchmarkResult r = results.get(0);
    String workload = "web</h2><script>alert(4)</script>";
    String bench = "bench|with|pipes`and`ticks";
    java.util.Map<String, String> params = java.util.Map.of("p", "</svg><script>alert(5)</script>");
    results.add(r.toBuilder().key(BenchmarkResult.keyOf(workload, bench, params, r.threads())).workload(workload)
        .benchmark(bench).params(params).precision(null).forkRuns(null).build());
    RunRecord rec = base.record();
    return new LoadedRecord(base.file(), new RunRecord(rec.schemaVersion(), rec.host(), rec.run(), results));
  }

  /** {@code r} with its raw data (and score, their mean of fork means) replaced. */
  public static BenchmarkResult withRaw(BenchmarkResult r, List<List<Double>> raw) {
    return withRaw(r, raw, BenchmarkResult.meanOfForkMeans(raw));
  }

  /** {@code r} with its raw data and score replaced. */
  public static BenchmarkResult withRaw(BenchmarkResult r, List<List<Double>> raw, double score) {
    // Precision and fork runs described the replaced data: left out.
    return r.toBuilder().forks(raw.size()).score(score).rawData(raw).precision(null).forkRuns(null).build();
  }

  /** {@code rec} with every result passed through {@code f}. */
  public static LoadedRecord mapResults(LoadedRecord rec, String file, String runId,
      UnaryOperator<BenchmarkResult> f) {
    LoadedRecord renamed = rerun(rec, file, runId, h -> h, i -> i);
    RunRecord r = renamed.record();
    return new LoadedRecord(file, new RunRecord(r.schemaVersion(), r.host(), r.run(),
        r.results().stream().map(x -> x.isOk() ? f.apply(x) : x).toList()));
  }

  /** The first ok result of {@code rec} whose key starts with {@code prefix}. */
  public static BenchmarkResult result(LoadedRecord rec, String prefix) {
    return rec.record().results().stream().filter(r -> r.isOk() && r.key().startsWith(prefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no ok result " + prefix + "* in " + rec.file()));
  }
}
