package dev.archbench.workloads.web.agent;

import dev.archbench.record.Host;
import dev.archbench.record.LoadHost;

/**
 * What a server-side agent answers at {@link #PATH} ({@code archbench serve web}, {@code archbench
 * agent}): the server host's fingerprint as the record's own {@link Host} type, its network path, and
 * the server's CPU time so far. The load generator on another host reads it at the start and the end
 * of every measured interval: the difference is the server's CPU over that interval.
 *
 * @param host the server's host, as {@code archbench sysinfo} would record it
 * @param network the server's network interfaces
 * @param cpuScope what {@code cpuNanos} covers
 * @param cpuNanos CPU time (user + system) so far, nanoseconds
 */
public record AgentReading(Host host, LoadHost.Network network, LoadHost.ServerCpu cpuScope, long cpuNanos) {
  /** Where an agent answers, on the server's own port ({@code serve}) or its own ({@code agent}). */
  public static final String PATH = "/archbench/agent";
}
