package dev.archbench.reports;

import dev.archbench.record.Status;
import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deterministic fixture records: relabelled copies of one realistic record shape standing in for
 * c7g.xlarge (Graviton3, 4 cores, no SMT), c7i.xlarge and c7a.xlarge, plus a laptop (not EC2), a
 * smoke run on a shared CI runner, and a record with hostile strings. Raw data come from a fixed
 * generator: per host a speed factor, per fork an offset, per iteration noise.
 */
public final class Fixtures {
  private Fixtures() {}

  /** Speed of each stand-in relative to c7g (made-up but plausible). */
  public static final Map<String, Double> SPEED = Map.of(
      "c7g.xlarge", 1.0, "c7i.xlarge", 1.12, "c7a.xlarge", 1.30, "laptop", 0.9, "ci-runner", 0.7);

  public static Host host(String instanceType, boolean arm) {
    Host base = RecordFixtures.host(arm ? "aarch64" : "x86_64", instanceType);
    Host.Cpu c = base.cpu();
    Host.Cpu cpu = new Host.Cpu(arm ? "ARM" : instanceType.startsWith("c7a") ? "AuthenticAMD" : "GenuineIntel",
        arm ? "Neoverse-V1" : instanceType.startsWith("c7a") ? "AMD EPYC 9R14" : "Intel Xeon Platinum 8488C",
        arm ? "Neoverse V1" : instanceType.startsWith("c7a") ? "Zen 4" : "Sapphire Rapids",
        c.family(), c.modelNumber(), c.stepping(), arm ? "0x41" : null, arm ? "0xd40" : null,
        arm ? 3 : null, 1, arm ? 4 : instanceType.startsWith("c7a") ? 4 : 2, 4, arm ? 1 : instanceType.startsWith("c7a") ? 1 : 2,
        1, c.cacheBytes(), c.maxFrequencyHz(), c.features());
    return new Host(base.arch(), base.id(), cpu, base.memory(), base.os(), base.container(),
        base.virtualization(), base.jvm(), base.cloud(), base.accelerators(), base.environment());
  }

  /** A host that is not on EC2 (no cloud facts). */
  public static Host offCloud(String id) {
    Host h = host("none", false);
    return new Host(h.arch(), id, h.cpu(), h.memory(), h.os(), h.container(), null, h.jvm(), Host.Cloud.NONE,
        h.accelerators(), h.environment());
  }

  public static String runId(int host, int run) {
    return String.format(java.util.Locale.ROOT, "%08x-0000-4000-8000-%012x", host, run);
  }

  /** The standard record for a host: compression, web and inference results. */
  public static RunRecord record(Host host, String runId, String label, String profile, double speed, long seed) {
    RunInfo run = new RunInfo(runId, "2026-11-27T10:00:00Z", "2026-11-27T10:30:00Z", RunInfo.COMPLETED,
        "0.1.0", "abc123", List.of("archbench", "run"), profile, label, !"smoke".equals(profile), List.of());
    SplitMix64 rng = new SplitMix64(seed);
    List<BenchmarkResult> results = new ArrayList<>();
    for (int t : new int[] {1, 2, 4}) {
      double scale = t == 1 ? 1 : t == 2 ? 1.9 : 3.1;
      results.add(thrpt("compression", "zstd.compress", Map.of("level", "3", "corpus", "silesia-mix"), t,
          "MB/s", 410 * speed * scale, rng, null, null));
    }
    // The same data on both x86 stand-ins (their own generator, seeded by run number only): the
    // ratio is 1 and its interval straddles it, so there is no significant difference.
    results.add(result("compression", "lz4.decompress", Map.of("corpus", "silesia-mix"), 1, "thrpt", "MB/s", true,
        raw(3900 * (speed > 1.05 ? 1.2 : speed), new SplitMix64(seed % 1000), 0.12, 0.15), null, null));
    results.add(thrpt("web", "jackson.serialize", Map.of(), 1, "ops/us", 1.8 * speed, rng, null, null));
    Map<String, Double> pct = new LinkedHashMap<>();
    pct.put("50.0", 1.1 / speed);
    pct.put("90.0", 2.3 / speed);
    pct.put("99.0", 6.5 / speed);
    pct.put("99.9", 14.0 / speed);
    Map<String, BenchmarkResult.Metric> web = new LinkedHashMap<>();
    web.put("knee", new BenchmarkResult.Metric("req/s", true, null, null,
        List.of(List.of(21000 * speed, 20500 * speed), List.of(21500 * speed, 20800 * speed))));
    results.add(thrpt("web", "closedLoop", Map.of("endpoint", "/json", "connections", "64"), 64, "req/s",
        52000 * speed, rng, pct, web));
    Map<String, Double> lat = new LinkedHashMap<>();
    lat.put("50.0", 4.1 / speed);
    lat.put("90.0", 4.6 / speed);
    lat.put("99.0", 5.9 / speed);
    results.add(timed("inference", "resnet18.singleStream", Map.of("engine", "OnnxRuntime", "batch", "1"), 1,
        "ms/op", 4.2 / speed, rng, lat));
    results.add(thrpt("inference", "resnet18.offline", Map.of("engine", "OnnxRuntime", "batch", "8"), 4,
        "inferences/s", 610 * speed, rng, null, null));
    List<BenchmarkResult> fixed = new ArrayList<>();
    for (BenchmarkResult r : results) {
      fixed.add(r);
    }
    fixed.add(BenchmarkResult.skipped("inference", "resnet18.neuron", Map.of("engine", "Neuron"), 1,
        "inferences/s", true, "no Neuron device on this host"));
    return new RunRecord(RunRecord.SCHEMA_VERSION, host, run, List.copyOf(fixed));
  }

  static BenchmarkResult thrpt(String workload, String bench, Map<String, String> params, int threads,
      String unit, double mean, SplitMix64 rng, Map<String, Double> percentiles,
      Map<String, BenchmarkResult.Metric> secondary) {
    List<List<Double>> raw = raw(mean, rng);
    return result(workload, bench, params, threads, "scenario".equals(bench) ? "scenario"
        : secondary != null ? "scenario" : "thrpt", unit, true, raw, percentiles, secondary);
  }

  static BenchmarkResult timed(String workload, String bench, Map<String, String> params, int threads,
      String unit, double mean, SplitMix64 rng, Map<String, Double> percentiles) {
    return result(workload, bench, params, threads, "sample", unit, false, raw(mean, rng), percentiles, null);
  }

  /** Three forks of five iterations: fork offset ±1.5%, iteration noise ±2%. */
  static List<List<Double>> raw(double mean, SplitMix64 rng) {
    return raw(mean, rng, 0.03, 0.04);
  }

  /** Three forks of five iterations with the given full widths of fork and iteration noise. */
  static List<List<Double>> raw(double mean, SplitMix64 rng, double forkNoise, double iterationNoise) {
    List<List<Double>> forks = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      double forkMean = mean * (1 + (u(rng) - 0.5) * forkNoise);
      List<Double> its = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        its.add(round(forkMean * (1 + (u(rng) - 0.5) * iterationNoise)));
      }
      forks.add(its);
    }
    return forks;
  }

  private static double u(SplitMix64 rng) {
    return (rng.nextLong() >>> 11) * 0x1.0p-53;
  }

  private static double round(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(7)).doubleValue();
  }

  static BenchmarkResult result(String workload, String bench, Map<String, String> params, int threads,
      String mode, String unit, boolean hib, List<List<Double>> raw, Map<String, Double> percentiles,
      Map<String, BenchmarkResult.Metric> secondary) {
    double sum = 0;
    int n = 0;
    for (List<Double> f : raw) {
      for (double v : f) {
        sum += v;
        n++;
      }
    }
    double mean = round(sum / n);
    Map<String, String> attrs = new LinkedHashMap<>();
    if (secondary != null && secondary.containsKey("knee")) {
      attrs.put("p99TargetMs", "10");
      attrs.put("percentileUnit", "ms");
    }
    if (secondary != null) {
      Map<String, BenchmarkResult.Metric> withScores = new LinkedHashMap<>();
      secondary.forEach((k, m) -> {
        double s = m.rawData().stream().flatMap(List::stream).mapToDouble(Double::doubleValue).average().orElse(0);
        withScores.put(k, new BenchmarkResult.Metric(m.unit(), m.higherIsBetter(), round(s), null,
            m.rawData().stream().map(f -> f.stream().map(Fixtures::round).toList()).toList()));
      });
      secondary = withScores;
    }
    return new BenchmarkResult(BenchmarkResult.keyOf(workload, bench, params, threads), workload, bench,
        params, mode, threads, raw.size(), unit, hib, mean, 0.0, null, percentiles, raw,
        secondary == null ? Map.of() : secondary, attrs, "2026-11-27T10:00:00Z", "2026-11-27T10:01:00Z",
        Status.OK, null);
  }

  /** Two runs each of c7g, c7i and c7a: the main comparison. */
  public static List<LoadedRecord> threeInstanceTypes() {
    List<LoadedRecord> out = new ArrayList<>();
    String[] types = {"c7g.xlarge", "c7i.xlarge", "c7a.xlarge"};
    for (int h = 0; h < types.length; h++) {
      for (int r = 0; r < 2; r++) {
        RunRecord rec = record(host(types[h], types[h].startsWith("c7g")), runId(h + 1, r + 1),
            types[h] + " run " + (r + 1), "quick", SPEED.get(types[h]), 1000L * h + r);
        out.add(new LoadedRecord("records/" + types[h] + "-" + (r + 1) + ".json", rec));
      }
    }
    return out;
  }

  /** A laptop (priced with --price laptop=...) and a smoke run on a shared CI runner. */
  public static List<LoadedRecord> offCloudAndNoisy() {
    RunRecord laptop = record(offCloud("h-laptop"), runId(10, 1), "laptop", "quick", SPEED.get("laptop"), 77);
    RunRecord ci = record(offCloud("h-ci"), runId(11, 1), "ci-runner", "smoke", SPEED.get("ci-runner"), 78);
    ci = ci.withRun(new RunInfo(ci.run().id(), ci.run().startedAt(), ci.run().endedAt(), ci.run().status(),
        ci.run().harnessVersion(), ci.run().gitCommit(), ci.run().commandLine(), ci.run().profile(),
        ci.run().label(), false, List.of(new RunInfo.Warning("shared-ci-runner", "GitHub-hosted runner"))));
    return List.of(new LoadedRecord("records/laptop.json", laptop), new LoadedRecord("records/ci.json", ci));
  }

  /** A record whose strings try to break out of HTML and Markdown. */
  public static LoadedRecord hostile() {
    String evil = "<script>alert(1)</script>|`rm -rf`|**x**<img src=x onerror=alert(2)>";
    RunRecord r = record(offCloud("h-evil\"><svg onload=alert(3)>"), runId(66, 6), evil, "quick", 1.0, 66);
    List<BenchmarkResult> results = new ArrayList<>(r.results());
    results.add(thrpt("web</h2><script>alert(4)</script>", "bench|with|pipes`and`ticks",
        Map.of("p", "</svg><script>alert(5)</script>"), 1, "ops/s", 100, new SplitMix64(5), null, null));
    return new LoadedRecord("records/evil.json", new RunRecord(r.schemaVersion(), r.host(), r.run(), results));
  }
}
