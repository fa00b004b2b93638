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
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A server on loopback and everything a load scenario needs around it: the client's TLS context
 * (BoringSSL when it loads, so the client's TLS cost stays the same whichever provider the server
 * uses), the validated reference body, and the facts to record.
 */
final class WebRig implements LoadRig {
  final WebServer server;
  final LoadTarget target;
  final Endpoint endpoint;
  final byte[] body;
  final int vcpus;
  final Map<String, String> attributes = new LinkedHashMap<>();

  WebRig(Map<String, String> params, int serverThreads) throws Exception {
    vcpus = Runtime.getRuntime().availableProcessors();
    endpoint = Endpoint.of(params.getOrDefault("endpoint", "json"));
    TlsMode tls = TlsMode.of(params.getOrDefault("tls", "none"));
    tls.unavailableReason().ifPresent(r -> {
      throw new IllegalStateException(r);
    });
    server = WebServer.start(ServerConfig.loopback().withTls(tls).withIoThreads(Math.max(1, serverThreads)));
    try {
      TlsMode clientTls = TlsMode.OPENSSL.unavailableReason().isEmpty() ? TlsMode.OPENSSL : TlsMode.JDK;
      target = new LoadTarget(server.address(),
          tls.enabled() ? server.tls().clientContext(clientTls) : null, server.transport());
      body = HttpProbe.validate(target, endpoint);
      attributes.put("transport", server.transportDescription());
      attributes.put("tls.server", tls.describe());
      attributes.put("tls.client", tls.enabled() ? clientTls.describe() : "none");
      attributes.put("endpoint", endpoint.id() + " (" + endpoint.path() + ")");
      attributes.put("serverThreads", Integer.toString(server.config().ioThreads()));
      attributes.put("vcpus", Integer.toString(vcpus));
      attributes.put("cpuSplit", "client and server share this host and JVM; cpu.* are cores used "
          + "(thread CPU time / wall time) by server threads, load-generator threads and the rest");
      ResultNotes.current().attribute("transport", server.transportDescription());
    } catch (Exception e) {
      server.close();
      throw e;
    }
  }

  @Override
  public LoadTarget target() {
    return target;
  }

  @Override
  public Exchange exchange() {
    return Exchange.of(endpoint, target, body);
  }

  @Override
  public String what() {
    return endpoint.id();
  }

  @Override
  public int vcpus() {
    return vcpus;
  }

  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  @Override
  public CpuSplit.Meter meter(LoadGenerator gen) {
    return new CpuSplit.Meter(server::cpuNanos, gen::cpuNanos);
  }

  /** The validation pass after load: the server still answers correctly. */
  @Override
  public void revalidate() throws Exception {
    HttpProbe.validate(target, endpoint);
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
