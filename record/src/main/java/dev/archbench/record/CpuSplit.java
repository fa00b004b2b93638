package dev.archbench.record;

/**
 * Where the CPU went during a load test whose client and server share the host: cores used (CPU
 * time / wall time) by the server's threads, the load generator's and the rest of the process.
 *
 * @param serverRequestsPerCpuSecond requests answered per CPU-second of the server alone: comparable
 *     across hosts even though the load generator shares the machine; null when the server used none
 */
public record CpuSplit(double serverCores, double clientCores, double otherCores, Double serverRequestsPerCpuSecond) {

  /**
   * Cores used, averaged over forks: this split, measured over {@code forks} forks, with {@code other}'s
   * over {@code otherForks}, each weighted by its forks.
   */
  public CpuSplit weightedWith(int forks, CpuSplit other, int otherForks) {
    CpuSplit a = this;
    CpuSplit b = other;
    double wa = forks / (double) (forks + otherForks);
    double wb = 1 - wa;
    Double perCpu = a.serverRequestsPerCpuSecond() == null || b.serverRequestsPerCpuSecond() == null
        ? (a.serverRequestsPerCpuSecond() != null ? a.serverRequestsPerCpuSecond() : b.serverRequestsPerCpuSecond())
        // Boxed: a double here would make the whole conditional a double, unboxing null when both are null.
        : Double.valueOf(wa * a.serverRequestsPerCpuSecond() + wb * b.serverRequestsPerCpuSecond());
    return new CpuSplit(wa * a.serverCores() + wb * b.serverCores(), wa * a.clientCores() + wb * b.clientCores(),
        wa * a.otherCores() + wb * b.otherCores(), perCpu);
  }
}
