package dev.archbench.reports;

import dev.archbench.record.Host;
import dev.archbench.record.LoadHost;
import java.util.List;

/**
 * Where a host's load came from when another host generated it (two-host records: the host of the
 * report is the server), as its records say; the formats put it in words.
 *
 * @param host the load host's instance type, else its host id; null when the record names neither
 * @param arch the load host's architecture, or null
 * @param vcpus the load host's logical CPUs, or null
 * @param serverNetwork the server's network as its kernel showed it (its first interface is the one
 *     named), or null when no interface was read
 * @param serverCpu whose CPU time the server's agent read
 * @param records how many of the host's records had their load from another host
 * @param of how many records the host has
 */
public record LoadSource(String host, String arch, Integer vcpus, LoadHost.Network serverNetwork,
    LoadHost.ServerCpu serverCpu, int records, int of) {

  /** The first two-host record's load host; null when every record had the generator on its own host. */
  static LoadSource of(List<AcceptedRecord> recs) {
    List<LoadHost> loads = recs.stream().map(a -> a.record().loadHost()).filter(l -> l != null).toList();
    if (loads.isEmpty()) {
      return null;
    }
    LoadHost l = loads.get(0);
    Host g = l.host();
    String type = g.cloud() != null && g.cloud().instanceType() != null ? g.cloud().instanceType() : g.id();
    Integer cpus = g.cpu() == null ? null : g.cpu().logicalCores();
    LoadHost.Network n = l.serverNetwork();
    return new LoadSource(type, g.arch(), cpus, n != null && !n.interfaces().isEmpty() ? n : null, l.serverCpu(),
        loads.size(), recs.size());
  }
}
