package dev.archbench.workloads.web.server;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The socket transport, chosen in one place: native epoll where its library loads (we ship it for
 * linux-x86_64 and linux-aarch_64), else Java NIO. Which one ran is recorded with every result,
 * because epoll vs NIO moves throughput by tens of percent.
 */
public enum Transport {
  EPOLL, NIO;

  /** Native epoll when asked for and available, else NIO. */
  public static Transport select(boolean preferNative) {
    return preferNative && Epoll.isAvailable() ? EPOLL : NIO;
  }

  /** What ran and, for a NIO fallback, why: e.g. {@code nio (epoll unavailable: ...)}. */
  public String describe(boolean preferNative) {
    if (this == EPOLL) {
      return "epoll";
    }
    if (!preferNative) {
      return "nio (chosen)";
    }
    Throwable cause = Epoll.unavailabilityCause();
    return "nio (epoll unavailable: " + (cause == null ? "unknown" : cause.toString()) + ")";
  }

  public IoHandlerFactory ioHandlerFactory() {
    return this == EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
  }

  public Class<? extends ServerChannel> serverChannel() {
    return this == EPOLL ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }

  public Class<? extends SocketChannel> clientChannel() {
    return this == EPOLL ? EpollSocketChannel.class : NioSocketChannel.class;
  }
}
