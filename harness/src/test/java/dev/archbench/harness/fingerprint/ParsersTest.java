package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.parse.CgroupLimits;
import dev.archbench.harness.fingerprint.parse.CpuFeatures;
import dev.archbench.harness.fingerprint.parse.CpuInfo;
import dev.archbench.harness.fingerprint.parse.KernelValues;
import dev.archbench.harness.fingerprint.parse.OsRelease;
import dev.archbench.harness.fingerprint.parse.Sizes;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure text parsers, on snippets of real files. */
class ParsersTest {
  @Test
  void cpuinfoX86CountsCoresFromPackageAndCoreIds() {
    String text = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        cpu family\t: 6
        model\t\t: 143
        model name\t: Intel(R) Xeon(R) Platinum 8488C
        stepping\t: 8
        physical id\t: 0
        core id\t\t: 0
        flags\t\t: fpu avx2 amx_tile

        processor\t: 1
        physical id\t: 0
        core id\t\t: 0

        processor\t: 2
        physical id\t: 1
        core id\t\t: 0
        """;
    CpuInfo c = CpuInfo.parse(text);
    assertThat(c.processors()).isEqualTo(3);
    assertThat(c.vendorId()).isEqualTo("GenuineIntel");
    assertThat(c.family()).isEqualTo(6);
    assertThat(c.model()).isEqualTo(143);
    assertThat(c.stepping()).isEqualTo(8);
    assertThat(c.physicalCores()).isEqualTo(2);
    assertThat(c.sockets()).isEqualTo(2);
    assertThat(c.maxThreadsPerCore()).isEqualTo(2);
    assertThat(c.flags()).containsExactlyInAnyOrder("fpu", "avx2", "amx_tile");
    assertThat(CpuSource.arch(c)).isEqualTo("x86_64");
  }

  @Test
  void cpuinfoArm64HasPartsAndNoCoreIds() {
    String text = "processor\t: 0\nBogoMIPS\t: 2100.00\nFeatures\t: fp asimd sve\nCPU implementer\t: 0x41\n"
        + "CPU architecture: 8\nCPU variant\t: 0x1\nCPU part\t: 0xD40\nCPU revision\t: 1\n\n";
    CpuInfo c = CpuInfo.parse(text);
    assertThat(c.implementer()).isEqualTo("0x41");
    assertThat(c.part()).isEqualTo("0xd40");
    assertThat(c.physicalCores()).isNull();
    assertThat(c.flags()).contains("sve");
    assertThat(CpuSource.arch(c)).isEqualTo("aarch64");
    assertThat(CpuInfo.parse("").processors()).isZero();
    assertThat(CpuSource.arch(CpuInfo.parse("garbage\n"))).isNull();
  }

  @Test
  void featuresAreTheTrackedOnesInAFixedOrder() {
    assertThat(CpuFeatures.select("x86_64", Set.of("sha_ni", "avx2", "fpu", "amx_tile")))
        .containsExactly("avx2", "amx_tile", "sha_ni");
    assertThat(CpuFeatures.select("aarch64", Set.of("atomics", "sve2", "asimd", "evtstrm")))
        .containsExactly("asimd", "sve2", "atomics");
    assertThat(CpuFeatures.select(null, Set.of("avx2"))).isEmpty();
  }

  @Test
  void sizesAndLists() {
    assertThat(Sizes.cacheSize("48K")).isEqualTo(48L * 1024);
    assertThat(Sizes.cacheSize("107520K")).isEqualTo(107520L * 1024);
    assertThat(Sizes.cacheSize("2M")).isEqualTo(2L << 20);
    assertThat(Sizes.cacheSize("x")).isNull();
    assertThat(Sizes.cpuList("0-3,8,10-11\n")).containsExactly(0, 1, 2, 3, 8, 10, 11);
    assertThat(Sizes.cpuList("0-x")).isEmpty();
    assertThat(Sizes.memTotal("MemTotal:       24683656 kB\nMemFree: 1 kB\n")).isEqualTo(24683656L * 1024);
    assertThat(Sizes.memTotal("MemFree: 1 kB\n")).isNull();
  }

  @Test
  void cgroupLimits() {
    assertThat(CgroupLimits.cpuMax("max 100000\n")).isEmpty();
    assertThat(CgroupLimits.cpuMax("150000 100000\n")).isEqualTo(OptionalDouble.of(1.5));
    assertThat(CgroupLimits.cpuMax("200000")).isEqualTo(OptionalDouble.of(2.0));
    assertThat(CgroupLimits.quota("-1", "100000")).isEmpty();
    assertThat(CgroupLimits.quota("50000", "100000")).isEqualTo(OptionalDouble.of(0.5));
    assertThat(CgroupLimits.quota(null, "100000")).isEmpty();
    assertThat(CgroupLimits.memory("max\n", 8L << 30)).isEmpty();
    assertThat(CgroupLimits.memory("9223372036854771712\n", null)).isEmpty(); // v1 "unlimited"
    assertThat(CgroupLimits.memory("2147483648\n", 8L << 30)).isEqualTo(OptionalLong.of(2L << 30));
    assertThat(CgroupLimits.memory("17179869184", 8L << 30)).isEmpty(); // above the machine: no limit
  }

  @Test
  void cgroupPaths() {
    String v1 = "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/system.slice\n";
    assertThat(ContainerSource.v1Path(v1, "memory")).isEqualTo("/docker/abc");
    assertThat(ContainerSource.v1Path(v1, "cpu")).isEqualTo("/docker/abc");
    assertThat(ContainerSource.v1Path(v1, "pids")).isEqualTo("/");
    assertThat(ContainerSource.v2Path(v1)).isEqualTo("/system.slice");
    assertThat(ContainerSource.v2Path("")).isEqualTo("/");
  }

  @Test
  void osRelease() {
    Map<String, String> os = OsRelease.parse("# comment\nNAME=\"Amazon Linux\"\nVERSION_ID='2023'\nID=amzn\n");
    assertThat(os).containsEntry("NAME", "Amazon Linux").containsEntry("VERSION_ID", "2023").containsEntry("ID", "amzn");
  }

  @Test
  void loadAverageAndSysfsChoices() {
    assertThat(KernelValues.loadAverage("1.52 0.98 0.61 3/1208 44213\n")).hasValue(1.52);
    assertThat(KernelValues.loadAverage("busy\n")).isEmpty();
    assertThat(KernelValues.loadAverage(null)).isEmpty();
    assertThat(KernelValues.selected("always [madvise] never\n")).contains("madvise");
    assertThat(KernelValues.selected("[always] madvise never")).contains("always");
    assertThat(KernelValues.selected("always madvise never")).isEmpty();
  }

  @Test
  void nvidiaDriverVersion() {
    assertThat(KernelValues.nvidiaDriverVersion(
        "NVRM version: NVIDIA UNIX x86_64 Kernel Module  535.183.01  Sun May 12 19:39:15 UTC 2024\n"))
        .isEqualTo("535.183.01");
    assertThat(KernelValues.nvidiaDriverVersion(
        "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  550.90.07  Release Build\n"))
        .isEqualTo("550.90.07");
  }

  @Test
  void jvmGcNames() {
    assertThat(JvmSource.gc(List.of("G1 Young Generation", "G1 Old Generation"), List.of())).isEqualTo("G1");
    assertThat(JvmSource.gc(List.of("G1 Concurrent GC", "G1 Young Generation"), List.of())).isEqualTo("G1");
    assertThat(JvmSource.gc(List.of("PS Scavenge", "PS MarkSweep"), List.of())).isEqualTo("Parallel");
    assertThat(JvmSource.gc(List.of("Copy", "MarkSweepCompact"), List.of())).isEqualTo("Serial");
    assertThat(JvmSource.gc(List.of("ZGC Cycles", "ZGC Pauses"), List.of())).isEqualTo("ZGC");
    assertThat(JvmSource.gc(List.of("Shenandoah Cycles"), List.of())).isEqualTo("Shenandoah");
    assertThat(JvmSource.gc(List.of(), List.of("-XX:+UseEpsilonGC"))).isEqualTo("Epsilon");
  }
}
