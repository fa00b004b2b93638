package dev.archbench.reports;

import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.format.ReportFormat;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The scale benchmark (not a unit test): writes {@code RECORDS} record files of {@code BENCHMARKS}
 * throughput results each (3 forks × 5 iterations, shaped like a real record's result) spread over
 * 20 instance types, then times reading,
 * analyzing and writing all four formats, and reports the peak heap. Run with
 * {@code reports/bench/scale.sh} (which caps the heap at 1 GiB, then times the CLI on the same
 * records in a fresh JVM, as a user would run it). Arguments: records, benchmarks, rounds, directory.
 */
public final class ScaleBenchmark {
  static final String[] TYPES = {"c6a", "c6g", "c6i", "c7a", "c7g", "c7i", "c8g", "m6a", "m6g", "m6i", "m7a",
      "m7g", "m7i", "m8g", "r6a", "r6g", "r6i", "r7a", "r7g", "r7i"};

  private ScaleBenchmark() {}

  /** Three forks of five iterations: fork offset ±1.5%, iteration noise ±2%. */
  static List<List<Double>> raw(double mean, SplitMix64 rng) {
    List<List<Double>> forks = new ArrayList<>();
    for (int f = 0; f < 3; f++) {
      double forkMean = mean * (1 + (u(rng) - 0.5) * 0.03);
      List<Double> its = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        its.add(forkMean * (1 + (u(rng) - 0.5) * 0.04));
      }
      forks.add(its);
    }
    return forks;
  }

  private static double u(SplitMix64 rng) {
    return (rng.nextLong() >>> 11) * 0x1.0p-53;
  }

  public static void main(String[] args) throws Exception {
    int records = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int benchmarks = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = args.length > 3 ? Files.createDirectories(Path.of(args[3])) : Files.createTempDirectory("archbench-scale");
    long g0 = System.nanoTime();
    LoadedRecord template = Fixtures.load("v2/c7g-1.json");
    BenchmarkResult shape = Fixtures.result(template, "selftest/sum[");
    for (int i = 0; i < records; i++) {
      String type = TYPES[i % TYPES.length] + ".xlarge";
      Host host = Fixtures.onEc2(template.record().host(), type, "on-demand");
      SplitMix64 rng = new SplitMix64(i);
      double speed = 0.8 + 0.05 * (i % TYPES.length);
      List<BenchmarkResult> results = new ArrayList<>(benchmarks);
      for (int b = 0; b < benchmarks; b++) {
        String workload = "w" + (b % 4);
        Map<String, String> params = Map.of("size", Integer.toString(b % 7));
        int threads = 1 + b % 3;
        BenchmarkResult r = Fixtures.withRaw(shape, raw(1000 * speed * (1 + b), rng));
        results.add(BenchmarkResult.builder(BenchmarkResult.keyOf(workload, "bench" + b, params, threads), workload,
            "bench" + b).params(params).mode("thrpt").threads(threads).forks(3).unit(b % 5 == 0 ? "MB/s" : "ops/s")
            .higherIsBetter(true).score(r.score()).rawData(r.rawData()).secondary(Map.of()).attributes(Map.of())
            .startedAt(r.startedAt()).endedAt(r.endedAt()).status(r.status()).build());
      }
      RunInfo run = new RunInfo(Fixtures.runId(i % TYPES.length, i), "2026-11-27T10:00:00Z", "2026-11-27T10:30:00Z",
          RunInfo.COMPLETED, "0.1.0", null, List.of(), "quick", null, true, List.of());
      RecordFiles.replace(dir.resolve("r" + i + ".json"), new RunRecord(RunRecord.SCHEMA_VERSION, host, run, results));
    }
    System.out.printf("generated %d records x %d benchmarks in %.1f s (%s)%n", records, benchmarks,
        (System.nanoTime() - g0) / 1e9, dir);
    for (int round = 1; round <= rounds; round++) {
      System.gc();
      resetPeaks();
      long c0 = cpuNanos();
      long t0 = System.nanoTime();
      RecordLoader.Loaded loaded = RecordLoader.load(List.of(dir));
      long t1 = System.nanoTime();
      long c1 = cpuNanos();
      Analysis a = Reports.analyze(loaded.records(), loaded.problems(), ReportOptions.defaults());
      long t2 = System.nanoTime();
      long c2 = cpuNanos();
      Path out = dir.resolveSibling(dir.getFileName() + "-out");
      Reports.write(a, out, EnumSet.allOf(ReportFormat.Type.class));
      long t3 = System.nanoTime();
      long c3 = cpuNanos();
      System.out.printf("round %d CPU: read %.2f s, analyze %.2f s, write %.2f s%n", round, (c1 - c0) / 1e9,
          (c2 - c1) / 1e9, (c3 - c2) / 1e9);
      System.out.printf("round %d: read %.2f s, analyze %.2f s, write 4 formats %.2f s, total %.2f s wall,"
          + " %.2f s CPU (all threads); peak heap %d MiB; %d hosts, %d benchmark rows, %d problems; html %d KiB%n",
          round, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t3 - t0) / 1e9, (c3 - c0) / 1e9,
          peakHeapMiB(), a.hosts().size(),
          a.benchmarks().size(), a.problems().size(), Files.size(out.resolve("report.html")) / 1024);
    }
    System.out.println("available processors: " + Runtime.getRuntime().availableProcessors()
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      p.resetPeakUsage();
    }
  }

  private static long peakHeapMiB() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum / (1 << 20);
  }
}
