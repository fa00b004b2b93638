package dev.archbench.harness.agent;

import java.util.OptionalLong;

/**
 * The whole host's busy CPU time from {@code /proc/stat}'s {@code cpu} line (user, nice, system, irq,
 * softirq, steal; idle and iowait left out), for {@code archbench agent} without {@code --pid}: on a
 * host that serves and does nothing else, that is the service's CPU. Ticks of {@code USER_HZ} (100 on
 * every Linux archbench runs on).
 */
public final class HostCpuTime {
  static final long NANOS_PER_TICK = 10_000_000L;

  private HostCpuTime() {}

  /** Busy nanoseconds from the text of {@code /proc/stat}; empty when it has no {@code cpu} line. */
  public static OptionalLong busyNanos(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("cpu ")) {
        String[] f = line.trim().split("\\s+");
        long ticks = 0;
        // cpu user nice system idle iowait irq softirq steal (guest time is already in user)
        int[] busy = {1, 2, 3, 6, 7, 8};
        for (int i : busy) {
          if (i < f.length) {
            try {
              ticks += Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
              return OptionalLong.empty();
            }
          }
        }
        return OptionalLong.of(ticks * NANOS_PER_TICK);
      }
    }
    return OptionalLong.empty();
  }
}
