package dev.archbench.workloads.web.scenario;

import dev.archbench.workload.ResultNotes;
import dev.archbench.workloads.web.load.CpuSplit;
import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.Exchange;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.TlsMode;
import dev.archbench.workloads.web.server.WebServer;
import java.util.Map;

/**
 * A server on loopback and everything a load scenario needs around it: the client's TLS context
 * (BoringSSL when it loads, so the client's TLS cost stays the same whichever provider the server
 * uses), the validated reference body, and the facts to record.
 */
final class WebRig extends HttpRig {
  private final WebServer server;
  private final Endpoint endpoint;

  private WebRig(WebServer server, LoadTarget target, Endpoint endpoint, byte[] body, TlsMode tls,
      TlsMode clientTls) {
    super(target, Exchange.of(endpoint, target, body), endpoint.id(), Runtime.getRuntime().availableProcessors(),
        null);
    this.server = server;
    this.endpoint = endpoint;
    attributes.put("transport", server.transportDescription());
    attributes.put("tls.server", tls.describe());
    attributes.put("tls.client", tls.enabled() ? clientTls.describe() : "none");
    attributes.put("endpoint", endpoint.id() + " (" + endpoint.path() + ")");
    attributes.put("serverThreads", Integer.toString(server.config().ioThreads()));
    attributes.put("vcpus", Integer.toString(vcpus()));
    attributes.put("cpuSplit", "client and server share this host and JVM; cpu.* are cores used "
        + "(thread CPU time / wall time) by server threads, load-generator threads and the rest");
    ResultNotes.current().attribute("transport", server.transportDescription());
  }

  /** Starts the server and validates its answer once; the server is closed again when that fails. */
  static WebRig start(Map<String, String> params, int serverThreads) throws Exception {
    Endpoint endpoint = Endpoint.of(params.getOrDefault("endpoint", "json"));
    TlsMode tls = TlsMode.of(params.getOrDefault("tls", "none"));
    tls.unavailableReason().ifPresent(r -> {
      throw new IllegalStateException(r);
    });
    WebServer server = WebServer.start(ServerConfig.loopback().withTls(tls).withIoThreads(Math.max(1, serverThreads)));
    try {
      TlsMode clientTls = TlsMode.OPENSSL.unavailableReason().isEmpty() ? TlsMode.OPENSSL : TlsMode.JDK;
      LoadTarget target = new LoadTarget(server.address(),
          tls.enabled() ? server.tls().clientContext(clientTls) : null, server.transport());
      byte[] body = HttpProbe.validate(target, endpoint);
      return new WebRig(server, target, endpoint, body, tls, clientTls);
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    return new CpuSplit.Meter(server::cpuNanos, gen::cpuNanos);
  }

  /** The validation pass after load: the server still answers correctly. */
  @Override
  public void revalidate() throws Exception {
    HttpProbe.validate(target(), endpoint);
    long errors = server.handler().serverErrors();
    if (errors > 0) {
      throw new IllegalStateException("the server failed " + errors + " requests with 5xx");
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
