package dev.archbench.workloads.web.tools;

import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.load.Measurement;
import dev.archbench.workloads.web.server.Transport;
import java.net.InetSocketAddress;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * archbench's closed-loop generator alone, against a server on loopback (the fidelity script runs it
 * next to wrk): {@code LoadMain PORT ENDPOINT CONNECTIONS CLIENT_THREADS SECONDS [WARMUP_SECONDS]}.
 * Prints one line: {@code archbench <endpoint> c=<n> t=<n>: <req/s> req/s p50 ... ms}.
 */
public final class LoadMain {
  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: LoadMain PORT ENDPOINT CONNECTIONS CLIENT_THREADS SECONDS [WARMUP_SECONDS]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    Endpoint endpoint = Endpoint.of(args[1]);
    int connections = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    double seconds = Double.parseDouble(args[4]);
    double warmup = args.length > 5 ? Double.parseDouble(args[5]) : 1;
    LoadTarget target = new LoadTarget(new InetSocketAddress("127.0.0.1", port), null,
        Transport.select(true));
    byte[] body = HttpProbe.validate(target, endpoint);
    try (LoadGenerator gen = LoadGenerator.closedLoop(target, endpoint, body, threads, connections)) {
      Measurement m = Measurement.run(gen, new CpuSplit.Meter(() -> 0, gen::cpuNanos), warmup, seconds, 1)
          .requireNoErrors(gen, endpoint.id());
      Histogram h = m.latencies();
      System.out.printf(Locale.ROOT,
          "archbench %s c=%d t=%d: %.0f req/s p50 %.3f ms p99 %.3f ms max %.3f ms (client CPU %.2f cores, %s)%n",
          endpoint.id(), connections, threads, m.throughput(), h.getValueAtPercentile(50) / 1e6,
          h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6, m.cpu().clientCores(),
          target.transport().describe(true));
    }
  }
}
