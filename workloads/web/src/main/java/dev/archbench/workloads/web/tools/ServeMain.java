package dev.archbench.workloads.web.tools;

import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.TlsMode;
import dev.archbench.workloads.web.server.WebServer;

/**
 * Starts the web server alone, for scripts that run from the module's class path without the
 * archbench jar: {@code ServeMain [port] [threads] [tls]}. Loopback only; {@code archbench serve web}
 * is the user-facing way and can bind elsewhere.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) throws Exception {
    ServerConfig c = ServerConfig.loopback()
        .withPort(args.length > 0 ? Integer.parseInt(args[0]) : 8080)
        .withIoThreads(args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors())
        .withTls(args.length > 2 ? TlsMode.of(args[2]) : TlsMode.NONE);
    try (WebServer s = WebServer.start(c)) {
      System.out.println("listening on " + s.address() + " transport=" + s.transportDescription()
          + " threads=" + c.ioThreads() + " tls=" + c.tls().id());
      System.out.flush();
      Runtime.getRuntime().addShutdownHook(new Thread(s::close));
      s.awaitClose();
    }
  }
}
