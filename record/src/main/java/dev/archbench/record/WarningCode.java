package dev.archbench.record;

/**
 * The codes of {@link RunInfo.Warning} ({@code run.warnings[].code}), spelled once for the runner
 * that writes them and the reports that read them. The record keeps the code as text, so a record
 * with a code this version does not know still reads; {@link #id()} is that text.
 */
public enum WarningCode {
  /** A shared CI runner (GitHub-hosted): noisy neighbours, variable CPUs; left out of price comparisons. */
  SHARED_CI_RUNNER("shared-ci-runner"),
  /** A CPU whose frequency governor is not {@code performance}: clocks ramp during the run. */
  GOVERNOR("governor"),
  /** Transparent huge pages other than the common {@code madvise}: memory-bound results change. */
  TRANSPARENT_HUGE_PAGES("transparent-huge-pages"),
  /** A load average above 0.5 at the start: other work competes for the CPUs. */
  LOAD_AVERAGE("load-average"),
  /** A cgroup CPU quota below the CPUs the kernel shows: threads get throttled. */
  CONTAINER_CPU_LIMIT("container-cpu-limit"),
  /** A laptop on battery: power management throttles. */
  BATTERY_POWER("battery-power"),
  /** The benchmark JVMs ran with other {@code -X} flags than the JVM the fingerprint records. */
  FORK_JVM_FLAGS("fork-jvm-flags"),
  /** The benchmark JVMs are another JVM than the one the fingerprint records ({@code --jvm}). */
  FORK_JVM("fork-jvm"),
  /** The run was resumed after an interruption. */
  RESUMED("resumed"),
  /** archbench ran under user-mode emulation (qemu-user). */
  EMULATED("emulated"),
  /** The run was interrupted. */
  INTERRUPTED("interrupted"),
  /** {@code --duet} could not pin the variants' forks to their own CPUs. */
  DUET_UNAVAILABLE("duet-unavailable");

  private final String id;

  WarningCode(String id) {
    this.id = id;
  }

  /** The code as the record spells it. */
  public String id() {
    return id;
  }
}
