package dev.archbench.workload;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The milliseconds this JVM's JIT compilers spent compiling, step by step ({@link CompilationMXBean}),
 * for scenarios that measure a series of steps in their fork: the runner's steady-state rule counts
 * a step in which the JIT was busy as warm-up, as it does with JMH's compiler profiler. Not thread
 * safe: one series at a time.
 */
public final class JitClock {
  private final CompilationMXBean bean;
  private final List<Double> laps = new ArrayList<>();
  private long last;

  private JitClock(CompilationMXBean bean) {
    this.bean = bean;
    this.last = bean == null ? 0 : bean.getTotalCompilationTime();
  }

  /** Starts counting now; a JVM that does not time its compilers gives no laps. */
  public static JitClock start() {
    CompilationMXBean b = ManagementFactory.getCompilationMXBean();
    return new JitClock(b != null && b.isCompilationTimeMonitoringSupported() ? b : null);
  }

  /** Ends one step: its compile time is kept. */
  public void lap() {
    if (bean != null) {
      long now = bean.getTotalCompilationTime();
      laps.add((double) (now - last));
      last = now;
    }
  }

  /** Each step's compile time in ms, in order; null when the JVM does not time its compilers. */
  public List<Double> laps() {
    return bean == null ? null : List.copyOf(laps);
  }
}
