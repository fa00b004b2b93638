package dev.archbench.workloads.web.userservice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time of a process and every process below it ({@code --target-pid}), from
 * {@code /proc/PID/stat}: user plus system time of the process and of its live descendants (an
 * nginx master and its workers, a shell and the JVM it started). That sum is the service's own CPU,
 * whatever its process model; the load generator's CPU is not in it. Times in {@code stat} are clock
 * ticks of {@code USER_HZ}, which is 100 on every Linux archbench runs on (x86_64, aarch64).
 */
public final class ProcessTreeCpu {
  static final long NANOS_PER_TICK = 10_000_000L;

  /** One line of {@code /proc/PID/stat}: the parent and the CPU ticks of the process itself. */
  record Stat(long pid, long ppid, long ticks) {}

  private final Path proc;
  private final long pid;

  public ProcessTreeCpu(Path proc, long pid) {
    this.proc = proc;
    this.pid = pid;
  }

  /** Parses {@code /proc/PID/stat}; the command name in parentheses may hold spaces and parentheses. */
  static Stat parse(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + stat);
    }
    long pid = Long.parseLong(stat.substring(0, open).trim());
    String[] f = stat.substring(close + 1).trim().split("\\s+");
    // After the name: state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
    return new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]));
  }

  /** The tree's CPU time in nanoseconds now; empty when the process is gone. */
  public OptionalLong cpuNanos() {
    List<Stat> all = new ArrayList<>();
    try (var dirs = Files.list(proc)) {
      for (Path d : dirs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
        try {
          all.add(parse(Files.readString(d.resolve("stat"))));
        } catch (NoSuchFileException | IllegalArgumentException gone) {
          // a process that ended while we looked
        } catch (IOException e) {
          // unreadable (another user's, hidepid): not ours to count
        }
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    }
    return sum(all, pid);
  }

  /** Ticks of {@code root} and its descendants, in nanoseconds; empty when {@code root} is not among them. */
  static OptionalLong sum(List<Stat> all, long root) {
    Map<Long, List<Stat>> children = new HashMap<>();
    Stat top = null;
    for (Stat s : all) {
      children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s);
      if (s.pid() == root) {
        top = s;
      }
    }
    if (top == null) {
      return OptionalLong.empty();
    }
    long ticks = 0;
    List<Stat> todo = new ArrayList<>(List.of(top));
    while (!todo.isEmpty()) {
      Stat s = todo.remove(todo.size() - 1);
      ticks += s.ticks();
      todo.addAll(children.getOrDefault(s.pid(), List.of()));
    }
    return OptionalLong.of(ticks * NANOS_PER_TICK);
  }
}
