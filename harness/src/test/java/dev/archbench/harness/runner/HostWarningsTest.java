package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.HostWarnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.record.RunInfo.Warning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host trees as they look on real machines (file contents copied from them). */
class HostWarningsTest {
  @TempDir Path dir;

  /** A laptop on battery: powersave governor, THP always, busy. */
  private HostRoots laptopOnBattery() throws IOException {
    return tree(Map.of(
        "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "powersave\n",
        "sys/devices/system/cpu/cpu1/cpufreq/scaling_governor", "powersave\n",
        "sys/devices/system/cpu/online", "0-7\n",
        "sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n",
        "sys/class/power_supply/AC/type", "Mains\n",
        "sys/class/power_supply/AC/online", "0\n",
        "sys/class/power_supply/BAT0/type", "Battery\n",
        "sys/class/power_supply/BAT0/status", "Discharging\n",
        "proc/loadavg", "1.52 0.98 0.61 3/1208 44213\n"));
  }

  /** An EC2 c7g instance as archbench wants it: no cpufreq (Nitro), madvise, idle, no limit. */
  private HostRoots quietEc2() throws IOException {
    return tree(Map.of(
        "sys/devices/system/cpu/online", "0-3\n",
        "sys/devices/system/cpu/cpu0/topology/core_id", "0\n",
        "sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n",
        "sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n",
        "sys/fs/cgroup/cpu.max", "max 100000\n",
        "proc/self/cgroup", "0::/\n",
        "proc/loadavg", "0.08 0.03 0.01 1/180 2231\n"));
  }

  /** A container limited to 1.5 CPUs of 4 (cgroup v2, own cgroup). */
  private HostRoots limitedContainer() throws IOException {
    return tree(Map.of(
        "sys/devices/system/cpu/online", "0-3\n",
        "sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n",
        "sys/fs/cgroup/cpu.max", "max 100000\n",
        "sys/fs/cgroup/docker/abc/cpu.max", "150000 100000\n",
        "proc/self/cgroup", "0::/docker/abc\n",
        "sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n",
        "proc/loadavg", "0.20 0.10 0.05 1/99 12\n"));
  }

  @Test
  void laptopOnBatteryWarnsAboutGovernorThpLoadAndBattery() throws IOException {
    List<Warning> w = HostWarnings.detect(laptopOnBattery(), Map.of());
    assertThat(w).extracting(Warning::code).containsExactly(
        HostWarnings.GOVERNOR, HostWarnings.THP, HostWarnings.LOAD, HostWarnings.BATTERY);
    assertThat(w.get(0).message()).contains("powersave");
    assertThat(w.get(1).message()).startsWith("transparent huge pages: always");
    assertThat(w.get(2).message()).contains("1.52");
  }

  @Test
  void quietEc2InstanceHasNoWarnings() throws IOException {
    assertThat(HostWarnings.detect(quietEc2(), Map.of())).isEmpty();
  }

  @Test
  void containerLimitBelowCpuCountIsReported() throws IOException {
    List<Warning> w = HostWarnings.detect(limitedContainer(), Map.of());
    assertThat(w).extracting(Warning::code).containsExactly(HostWarnings.CPU_LIMIT);
    assertThat(w.get(0).message()).contains("1.50").contains("4 logical CPUs");
  }

  /** A Docker container on a cgroup v1 host: its own cgroup has a quota of half a CPU, the root none. */
  @Test
  void cgroupV1QuotaIsReadToo() throws IOException {
    HostRoots roots = tree(Map.of(
        "sys/devices/system/cpu/online", "0-1\n",
        "proc/self/cgroup", "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n1:name=systemd:/docker/abc\n",
        "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n",
        "sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n",
        "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "50000\n",
        "sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n"));
    List<Warning> w = HostWarnings.detect(roots, Map.of());
    assertThat(w).extracting(Warning::code).containsExactly(HostWarnings.CPU_LIMIT);
    assertThat(w.get(0).message()).contains("0.50").contains("2 logical CPUs");
  }

  @Test
  void githubHostedRunnerIsASharedCiRunnerButSelfHostedIsNot() {
    assertThat(HostWarnings.sharedCiRunner(Map.of("GITHUB_ACTIONS", "true", "RUNNER_ENVIRONMENT", "github-hosted")))
        .map(Warning::code).contains(HostWarnings.SHARED_CI);
    assertThat(HostWarnings.sharedCiRunner(Map.of("GITHUB_ACTIONS", "true"))).isPresent();
    assertThat(HostWarnings.sharedCiRunner(Map.of("GITHUB_ACTIONS", "true", "RUNNER_ENVIRONMENT", "self-hosted")))
        .isEmpty();
    assertThat(HostWarnings.sharedCiRunner(Map.of())).isEmpty();
  }

  @Test
  void missingFilesMeanNoWarning() {
    assertThat(HostWarnings.detect(HostRoots.under(dir.resolve("nothing")), Map.of())).isEmpty();
  }

  /** The online list is counted by the fingerprint's parser: ranges and single CPUs. */
  @Test
  void cpuListsAreCounted() throws IOException {
    HostRoots roots = tree(Map.of(
        "sys/devices/system/cpu/online", "0-3,6,8-9\n",
        "sys/fs/cgroup/cgroup.controllers", "cpu memory\n",
        "sys/fs/cgroup/cpu.max", "400000 100000\n",
        "proc/self/cgroup", "0::/\n"));
    List<Warning> w = HostWarnings.detect(roots, Map.of());
    assertThat(w).extracting(Warning::code).containsExactly(HostWarnings.CPU_LIMIT);
    assertThat(w.get(0).message()).contains("4.00").contains("7 logical CPUs");
  }

  /** Files that say nothing usable are "cannot tell", as missing ones are. */
  @Test
  void malformedFilesMeanNoWarning() throws IOException {
    HostRoots roots = tree(Map.of(
        "sys/devices/system/cpu/online", "0-x\n",
        "sys/fs/cgroup/cgroup.controllers", "cpu memory\n",
        "sys/fs/cgroup/cpu.max", "50000 100000\n",
        "proc/self/cgroup", "0::/\n",
        "sys/kernel/mm/transparent_hugepage/enabled", "always madvise never\n",
        "proc/loadavg", "busy\n"));
    assertThat(HostWarnings.detect(roots, Map.of())).isEmpty();
  }

  @Test
  void forkFlagsDifferingFromTheRecordedJvmAreReported() {
    assertThat(HostWarnings.forkJvmFlags(List.of("-Xmx1g", "-Dfoo=1"), List.of("-Xmx1g"))).isEmpty();
    assertThat(HostWarnings.forkJvmFlags(List.of(), List.of("-XX:+UseParallelGC")))
        .map(Warning::message).hasValueSatisfying(m -> assertThat(m).contains("-XX:+UseParallelGC"));
  }

  private HostRoots tree(Map<String, String> files) throws IOException {
    for (var e : files.entrySet()) {
      Path p = dir.resolve(e.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, e.getValue());
    }
    return HostRoots.under(dir);
  }
}
