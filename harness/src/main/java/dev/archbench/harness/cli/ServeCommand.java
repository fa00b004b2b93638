package dev.archbench.harness.cli;

import dev.archbench.harness.agent.ServerAgent;
import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.TlsMode;
import dev.archbench.workloads.web.server.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archbench serve web}: the web workload's server alone, for an external load generator
 * (wrk, another instance): the two-host setup. Loopback unless {@code --bind} says otherwise.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Runs a workload's server alone so that an external load generator can drive it.",
        "Endpoints of 'web': GET /plaintext, GET /json, POST /api/orders (JSON; gzip with "
            + "Accept-Encoding: gzip), and GET /archbench/agent (this host's fingerprint and the server's CPU"
            + " time, for 'archbench run --server URL' on a load host). Stops on Ctrl-C or after --duration."})
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "WORKLOAD", description = "The server to run: web.")
  String workload;

  @Mixin ListenOptions listen;

  @Option(names = "--port", defaultValue = "8080", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--tls", paramLabel = "none|jdk|openssl", defaultValue = "none",
      description = "TLS 1.3 with a self-signed certificate made at start: jdk provider or "
          + "openssl (BoringSSL) (default: ${DEFAULT-VALUE}).")
  String tls;

  @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default: vCPUs).")
  Integer threads;

  @Option(names = "--nio", description = "Use Java NIO even where native epoll is available.")
  boolean nio;

  @Override
  public Integer call() throws Exception {
    if (!"web".equals(workload.toLowerCase(Locale.ROOT))) {
      throw new UserException("no server for workload '" + workload + "' (available: web)", ExitCodes.USAGE);
    }
    ServerConfig config = config();
    PrintWriter out = spec.commandLine().getOut();
    WebServer server;
    try {
      // The agent: this host's fingerprint and this JVM's CPU, for a load generator on another host.
      server = WebServer.start(config, ServerAgent.ofThisHost(LoadHost.ServerCpu.PROCESS, ServerAgent::processCpuNanos));
    } catch (IOException e) {
      // BindException from NIO, NativeIoException from epoll: in use, or not an address of this host.
      throw new UserException("cannot listen on " + listen.bind + ":" + port + ": " + e.getMessage());
    }
    listen.serve(out, () -> {
      String scheme = config.tls().enabled() ? "https" : "http";
      out.printf(Locale.ROOT, "archbench: serving web on %s://%s:%d (transport %s, %d event-loop threads, TLS %s)%n",
          scheme, ListenOptions.hostForUrl(server.address().getAddress()), server.port(),
          server.transportDescription(), config.ioThreads(), config.tls().enabled() ? config.tls().describe() : "off");
      out.printf("endpoints: GET /plaintext, GET /json, POST /api/orders (Accept-Encoding: gzip for gzip);"
          + " GET /archbench/agent for 'archbench run --server URL' on a load host%n");
      if (config.tls().enabled()) {
        out.println("the certificate is self-signed: use wrk as is, curl -k");
      }
    }, server::close, "archbench-serve-shutdown");
    out.println("archbench: server stopped");
    out.flush();
    return ExitCodes.OK;
  }

  private ServerConfig config() {
    listen.address(port);
    if (threads != null && threads < 1) {
      throw new UserException("--threads must be at least 1", ExitCodes.USAGE);
    }
    TlsMode mode;
    try {
      mode = TlsMode.of(tls);
    } catch (IllegalArgumentException e) {
      throw new UserException("--tls: " + e.getMessage(), ExitCodes.USAGE);
    }
    mode.unavailableReason().ifPresent(r -> {
      throw new UserException("--tls " + mode.id() + ": " + r);
    });
    return new ServerConfig(listen.bind, port, threads == null ? Runtime.getRuntime().availableProcessors() : threads,
        mode, !nio, ServerConfig.DEFAULT_MAX_BODY_BYTES);
  }
}
