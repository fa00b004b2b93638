package dev.archbench.record;

/**
 * Where the CPU went during a load test whose client and server share the host: cores used (CPU
 * time / wall time) by the server's threads, the load generator's and the rest of the process.
 *
 * @param serverRequestsPerCpuSecond requests answered per CPU-second of the server alone: comparable
 *     across hosts even though the load generator shares the machine; null when the server used none
 */
public record CpuSplit(double serverCores, double clientCores, double otherCores, Double serverRequestsPerCpuSecond) {}
