package dev.archbench.workloads.web.load;

import dev.archbench.workloads.web.server.Transport;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;

/**
 * Where the load goes and how to connect: address, client TLS context (null for plain HTTP) and the
 * client's transport.
 */
public record LoadTarget(InetSocketAddress address, SslContext ssl, Transport transport) {

  public String hostHeader() {
    return address.getHostString() + ":" + address.getPort();
  }
}
