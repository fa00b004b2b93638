package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generator's CPU budget and use, parsed from procfs and cgroup files as the kernel writes them. */
class GeneratorCpuTest {

  @Test
  void runQueueWaitIsTheSecondFieldOfSchedstat() {
    // /proc/self/schedstat of a shell on the development machine.
    assertThat(GeneratorCpu.runDelayNanos("112223 2374562 2\n")).isEqualTo(2_374_562L);
    assertThat(GeneratorCpu.runDelayNanos("garbage")).isZero();
  }

  @Test
  void cgroupV2QuotaOfTheProcessOrAnAncestorTightestWins() {
    Map<String, String> files = Map.of(
        "archbench/load/cpu.max", "max 100000\n",
        "archbench/cpu.max", "25000 100000\n",
        "cpu.max", "max 100000\n");
    assertThat(GeneratorCpu.quotaCpus("0::/archbench/load\n", p -> Optional.ofNullable(files.get(p))))
        .hasValue(0.25);
    assertThat(GeneratorCpu.quotaCpus("0::/\n", p -> Optional.ofNullable(files.get(p)))).isEmpty();
  }

  @Test
  void cgroupV1QuotaUnderTheCpuController() {
    // cgroup v1 mounts a hierarchy per controller list (cpu,cpuacct on most distributions; cpu alone
    // on the development machine, whose /proc/self/cgroup says "1:cpu:/").
    String cgroup = "12:cpu,cpuacct:/starved\n4:memory:/x\n0::/\n";
    Map<String, String> files = Map.of(
        "cpu,cpuacct/starved/cpu.cfs_quota_us", "20000\n",
        "cpu,cpuacct/starved/cpu.cfs_period_us", "100000\n",
        "cpu,cpuacct/cpu.cfs_quota_us", "-1\n",
        "cpu,cpuacct/cpu.cfs_period_us", "100000\n");
    assertThat(GeneratorCpu.quotaCpus(cgroup, p -> Optional.ofNullable(files.get(p)))).hasValue(0.2);
    assertThat(GeneratorCpu.quotaCpus("1:cpu:/\n0::/\n", p -> Optional.empty())).isEmpty();
  }

  @Test
  void busyIsCpuAndWaitOverWallOverTheCpusItMayUse() {
    GeneratorCpu g = new GeneratorCpu(java.nio.file.Path.of("/nonexistent"), 0.5);
    GeneratorCpu.Sample a = new GeneratorCpu.Sample(0, 0, 0);
    // 0.2 s on a CPU and 0.1 s waiting for one in 1 s, with half a CPU allowed: 60% busy.
    GeneratorCpu.Sample b = new GeneratorCpu.Sample(200_000_000L, 100_000_000L, 1_000_000_000L);
    assertThat(g.busy(a, b)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void thisProcessIsMeasured() {
    GeneratorCpu g = GeneratorCpu.ofThisProcess();
    assertThat(g.cpus()).isPositive().isLessThanOrEqualTo(Runtime.getRuntime().availableProcessors());
    GeneratorCpu.Sample s = g.sample();
    assertThat(s.cpuNanos()).isPositive();
  }
}
