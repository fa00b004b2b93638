package dev.archbench.workloads.web.server;

/**
 * How to run the server.
 *
 * @param bindHost address to listen on; loopback unless the user asks otherwise
 * @param port TCP port, 0 for an ephemeral one
 * @param ioThreads event-loop threads (default: vCPUs)
 * @param tls plain or TLS 1.3 and which provider
 * @param preferNative use native epoll when it loads
 * @param maxBodyBytes larger request bodies get 413
 */
public record ServerConfig(
    String bindHost, int port, int ioThreads, TlsMode tls, boolean preferNative, int maxBodyBytes) {
  public static final String LOOPBACK = "127.0.0.1";
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  public ServerConfig {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("event-loop threads must be at least 1");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535");
    }
  }

  /** Loopback, ephemeral port, one event loop per vCPU, native transport, no TLS. */
  public static ServerConfig loopback() {
    return new ServerConfig(LOOPBACK, 0, Runtime.getRuntime().availableProcessors(), TlsMode.NONE,
        true, DEFAULT_MAX_BODY_BYTES);
  }

  public ServerConfig withPort(int p) {
    return new ServerConfig(bindHost, p, ioThreads, tls, preferNative, maxBodyBytes);
  }

  public ServerConfig withTls(TlsMode t) {
    return new ServerConfig(bindHost, port, ioThreads, t, preferNative, maxBodyBytes);
  }

  public ServerConfig withIoThreads(int n) {
    return new ServerConfig(bindHost, port, n, tls, preferNative, maxBodyBytes);
  }

  public ServerConfig withBindHost(String h) {
    return new ServerConfig(h, port, ioThreads, tls, preferNative, maxBodyBytes);
  }

  public ServerConfig withPreferNative(boolean n) {
    return new ServerConfig(bindHost, port, ioThreads, tls, n, maxBodyBytes);
  }
}
