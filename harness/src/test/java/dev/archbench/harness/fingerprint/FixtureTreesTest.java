package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RecordSchema;
import dev.archbench.record.RunRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each fixture tree, from a real machine's kind of files, yields that machine's fingerprint. */
class FixtureTreesTest {
  private static final long K = 1024;
  private static final long M = 1024 * K;
  private static final long G = 1024 * M;

  record Expected(
      String tree, String arch, String vendor, String model, String micro, Integer graviton,
      Integer sockets, int physical, int logical, int threadsPerCore, Host.CacheBytes caches,
      Long maxHz, List<String> mustHave, List<String> mustLack, String virtualization,
      String instanceType, Double cpuLimit, Long memLimit, List<Host.Accelerator> accelerators, String osName) {}

  static Stream<Expected> trees() {
    return Stream.of(
        new Expected("c7g.xlarge", "aarch64", "ARM", "AWS Graviton3", "Neoverse-V1", 3, 1, 4, 4, 1,
            new Host.CacheBytes(64 * K, 64 * K, M, 32 * M), null,
            List.of("sve", "bf16", "i8mm", "atomics", "crc32"), List.of("sve2"), "amazon", "c7g.xlarge",
            null, null, List.of(), "Amazon Linux"),
        new Expected("r8g.large", "aarch64", "ARM", "AWS Graviton4", "Neoverse-V2", 4, null, 2, 2, 1,
            new Host.CacheBytes(64 * K, 64 * K, 2 * M, 36 * M), null,
            List.of("sve", "sve2", "bf16", "i8mm"), List.of(), "amazon", "r8g.large",
            null, null, List.of(), "Ubuntu"),
        new Expected("c7i.xlarge", "x86_64", "GenuineIntel", "Intel(R) Xeon(R) Platinum 8488C", "Sapphire Rapids",
            null, 1, 2, 4, 2, new Host.CacheBytes(48 * K, 32 * K, 2 * M, 105 * M), null,
            List.of("avx512f", "avx512_vnni", "avx512_bf16", "amx_tile", "amx_bf16", "amx_int8", "sha_ni"),
            List.of(), "amazon", "c7i.xlarge", null, null, List.of(), "Amazon Linux"),
        new Expected("c7a.xlarge", "x86_64", "AuthenticAMD", "AMD EPYC 9R14", "Zen 4", null, 1, 4, 4, 1,
            new Host.CacheBytes(32 * K, 32 * K, M, 32 * M), null,
            List.of("avx512f", "avx512_bf16", "vaes", "vpclmulqdq"), List.of("amx_tile"), "amazon", "c7a.xlarge",
            null, null, List.of(), "Amazon Linux"),
        new Expected("inf2.xlarge", "x86_64", "AuthenticAMD", "AMD EPYC 7R13 Processor", "Zen 3", null, 1, 2, 4, 2,
            new Host.CacheBytes(32 * K, 32 * K, 512 * K, 32 * M), null,
            List.of("avx2", "aes"), List.of("avx512f"), "amazon", "inf2.xlarge", null, null,
            List.of(new Host.Accelerator("neuron", "AWS Inferentia2", 1, 32 * G, "2.19.64.0",
                "torch-neuronx 2.7.0.2.9.9", "neuronx-cc 2.20.9.0")), "Ubuntu"),
        new Expected("g4dn.xlarge", "x86_64", "GenuineIntel", "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz",
            "Cascade Lake", null, 1, 2, 4, 2, new Host.CacheBytes(32 * K, 32 * K, M, 36608 * K), null,
            List.of("avx512f", "avx512_vnni"), List.of("avx512_bf16"), "amazon", "g4dn.xlarge", null, null,
            List.of(new Host.Accelerator("gpu", "NVIDIA Tesla T4", 1, null, "535.183.01",
                "torch 2.7.1+cu128", null)), "Ubuntu"),
        new Expected("m4.large", "x86_64", "GenuineIntel", "Intel(R) Xeon(R) CPU E5-2686 v4 @ 2.30GHz", "Broadwell",
            null, 1, 1, 2, 2, new Host.CacheBytes(32 * K, 32 * K, 256 * K, 45 * M), null,
            List.of("avx2"), List.of("avx512f", "sha_ni"), "xen", null, null, null, List.of(), "Amazon Linux"),
        new Expected("laptop", "x86_64", "GenuineIntel", "11th Gen Intel(R) Core(TM) i7-1185G7 @ 3.00GHz",
            "Tiger Lake", null, 1, 4, 8, 2, new Host.CacheBytes(48 * K, 32 * K, 1280 * K, 12 * M), 4_800_000_000L,
            List.of("avx512f", "avx512_vnni", "sha_ni"), List.of("amx_tile"), null, null, null, null, List.of(),
            "Debian GNU/Linux"),
        new Expected("container-c6g", "aarch64", "ARM", "AWS Graviton2", "Neoverse-N1", 2, 1, 8, 8, 1,
            new Host.CacheBytes(64 * K, 64 * K, M, 32 * M), null,
            List.of("asimd", "atomics", "asimddp"), List.of("sve", "bf16"), "amazon", "c6g.2xlarge",
            1.5, 2 * G, List.of(), "Debian GNU/Linux"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trees")
  void treeYieldsItsMachine(Expected e) {
    Host h = Fixtures.collect(e.tree());
    Host.Cpu cpu = h.cpu();
    assertThat(h.arch()).isEqualTo(e.arch());
    assertThat(cpu.vendor()).isEqualTo(e.vendor());
    assertThat(cpu.model()).isEqualTo(e.model());
    assertThat(cpu.microarchitecture()).isEqualTo(e.micro());
    assertThat(cpu.gravitonGeneration()).isEqualTo(e.graviton());
    assertThat(cpu.sockets()).isEqualTo(e.sockets());
    assertThat(cpu.physicalCores()).isEqualTo(e.physical());
    assertThat(cpu.logicalCores()).isEqualTo(e.logical());
    assertThat(cpu.threadsPerCore()).isEqualTo(e.threadsPerCore());
    assertThat(cpu.numaNodes()).isEqualTo(1);
    assertThat(cpu.cacheBytes()).isEqualTo(e.caches());
    assertThat(cpu.maxFrequencyHz()).isEqualTo(e.maxHz());
    assertThat(cpu.features()).containsAll(e.mustHave());
    e.mustLack().forEach(f -> assertThat(cpu.features()).doesNotContain(f));
    if (e.arch().equals("x86_64")) {
      assertThat(cpu.family()).isNotNull();
      assertThat(cpu.implementer()).isNull();
    } else {
      assertThat(cpu.implementer()).isEqualTo("0x41");
      assertThat(cpu.family()).isNull();
    }
    assertThat(h.virtualization()).isEqualTo(e.virtualization());
    assertThat(h.cloud().instanceType()).isEqualTo(e.instanceType());
    boolean ec2 = !e.tree().equals("laptop");
    assertThat(h.cloud().provider()).isEqualTo(ec2 ? "aws" : null);
    assertThat(h.cloud().source()).isEqualTo(ec2 ? "dmi" : null);
    assertThat(h.container().cpuLimit()).isEqualTo(e.cpuLimit());
    assertThat(h.container().memoryLimitBytes()).isEqualTo(e.memLimit());
    assertThat(h.accelerators()).isEqualTo(e.accelerators());
    assertThat(h.os().name()).isEqualTo(e.osName());
    assertThat(h.os().kernel()).isNotBlank();
    assertThat(h.memory().totalBytes()).isBetween(7L * G, 16L * G);
    assertThat(h.id()).matches("[0-9a-f]{16}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trees")
  void hostOfEveryTreeIsValidInARunRecord(Expected e) {
    Host h = Fixtures.collect(e.tree());
    RunRecord record = RunRecord.start(h, RecordFixtures.run("123e4567-e89b-12d3-a456-426614174000", "quick"));
    assertThat(RecordSchema.validate(record)).isEmpty();
    // And what sysinfo --json prints reads back to the same host.
    assertThat(Json.mapper().convertValue(Json.mapper().valueToTree(h), Host.class)).isEqualTo(h);
  }
}
