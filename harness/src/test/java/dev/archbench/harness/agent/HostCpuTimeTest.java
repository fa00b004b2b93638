package dev.archbench.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostCpuTimeTest {
  @Test
  void busyTimeLeavesIdleAndIowaitOut() {
    // The first lines of /proc/stat on the development machine (2 vCPUs, Debian 12).
    String stat = """
        cpu  2470369 90229 307027 1552186 7934 0 77439 634 0 0
        cpu0 1165891 40983 143163 860517 2513 0 38123 321 0 0
        cpu1 1304478 49245 163864 691668 5420 0 39315 313 0 0
        intr 39933083 0 0 0
        """;
    long ticks = 2470369 + 90229 + 307027 + 0 + 77439 + 634;
    assertThat(HostCpuTime.busyNanos(stat)).hasValue(ticks * 10_000_000L);
    assertThat(HostCpuTime.busyNanos("intr 1 2 3\n")).isEmpty();
  }
}
