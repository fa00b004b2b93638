package dev.archbench.record;

import dev.archbench.record.Status;
import java.util.List;
import java.util.Map;

/** Small, valid records for tests in every module (shipped in the record test-jar). */
public final class RecordFixtures {
  private RecordFixtures() {}

  public static Host host(String arch, String instanceType) {
    return new Host(
        arch,
        "h-" + instanceType,
        new Host.Cpu(arch.equals("aarch64") ? "ARM" : "GenuineIntel", "Test CPU",
            arch.equals("aarch64") ? "Neoverse-V1" : "Sapphire Rapids",
            null, null, null, null, null, null, 1, 2, 4, 2, 1,
            new Host.CacheBytes(49152L, 32768L, 2097152L, 110100480L), 3_500_000_000L, List.of("aes")),
        new Host.Memory(8L << 30),
        new Host.Os("Debian GNU/Linux", "12", "6.1.0"),
        new Host.Container(null, null),
        "kvm",
        new Host.Jvm("Eclipse Adoptium", "17.0.15", "OpenJDK 64-Bit Server VM", List.of("-Xmx1g"),
            "G1", 1L << 30, 4),
        new Host.Cloud("aws", instanceType, "us-east-1", "us-east-1a", "on-demand", "ami-0abc", "imds"),
        List.of(),
        Map.of("JAVA_HOME", "/usr/lib/jvm/java-17"));
  }

  public static RunInfo run(String id, String profile) {
    return new RunInfo(id, "2026-11-27T10:00:00Z", "2026-11-27T10:05:00Z", RunInfo.COMPLETED,
        "0.1.0", "abc123", List.of("archbench", "run"), profile, "test", !"smoke".equals(profile),
        List.of());
  }

  public static BenchmarkResult okResult(String workload, String benchmark, double... perIteration) {
    double sum = 0;
    for (double v : perIteration) {
      sum += v;
    }
    double mean = sum / perIteration.length;
    List<Double> raw = java.util.Arrays.stream(perIteration).boxed().toList();
    return BenchmarkResult.builder(BenchmarkResult.keyOf(workload, benchmark, Map.of(), 1), workload, benchmark)
        .params(Map.of()).mode("thrpt").threads(1).forks(1).unit("ops/s").higherIsBetter(true).score(mean)
        .rawData(List.of(raw)).secondary(Map.of()).attributes(Map.of())
        .startedAt("2026-11-27T10:00:00Z").endedAt("2026-11-27T10:01:00Z").status(Status.OK)
        .build();
  }

  public static RunRecord record(String instanceType) {
    return RunRecord.start(host("x86_64", instanceType),
            run("123e4567-e89b-12d3-a456-426614174000", "quick"))
        .withResult(okResult("selftest", "noop", 10, 11, 12));
  }
}
