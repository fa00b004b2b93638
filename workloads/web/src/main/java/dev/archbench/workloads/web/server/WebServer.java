package dev.archbench.workloads.web.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP/1.1 service under test: Netty with keep-alive, gzip for clients that ask for it (bodies
 * of 1 KiB and more), bodies aggregated up to a limit, optional TLS 1.3. One instance per
 * {@link #start}; {@link #close} stops it and waits for its threads.
 */
public final class WebServer implements AutoCloseable {
  /** Responses smaller than this stay uncompressed even when the client accepts gzip. */
  public static final int GZIP_THRESHOLD_BYTES = 1024;
  private static final int MAX_INITIAL_LINE = 4096;
  private static final int MAX_HEADER_BYTES = 8192;

  private final ServerConfig config;
  private final Transport transport;
  private final SelfSignedTls tls;
  private final EventLoopGroup boss;
  private final EventLoopGroup workers;
  private final Channel channel;
  private final WebHandler handler;
  private final ThreadRegistry threads = new ThreadRegistry("web-server");

  private WebServer(ServerConfig config, java.util.function.Supplier<byte[]> agent) throws Exception {
    this.config = config;
    this.handler = new WebHandler(agent);
    this.transport = Transport.select(config.preferNative());
    this.tls = config.tls().enabled() ? SelfSignedTls.generate() : null;
    SslContext ssl = tls == null ? null : tls.serverContext(config.tls());
    boss = new MultiThreadIoEventLoopGroup(1, threads.factory("accept"), transport.ioHandlerFactory());
    workers = new MultiThreadIoEventLoopGroup(config.ioThreads(), threads.factory("io"),
        transport.ioHandlerFactory());
    try {
      ServerBootstrap b = new ServerBootstrap()
          .group(boss, workers)
          .channel(transport.serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024)
          .option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
              ChannelPipeline p = ch.pipeline();
              if (ssl != null) {
                p.addLast("tls", ssl.newHandler(ch.alloc()));
              }
              p.addLast("http", new HttpServerCodec(MAX_INITIAL_LINE, MAX_HEADER_BYTES, 8192));
              p.addLast("gzip", new HttpContentCompressor(GZIP_THRESHOLD_BYTES,
                  StandardCompressionOptions.gzip()));
              p.addLast("aggregate", new HttpObjectAggregator(config.maxBodyBytes(), true));
              p.addLast("routes", handler);
            }
          });
      channel = b.bind(config.bindHost(), config.port()).sync().channel();
    } catch (Exception e) {
      shutdownGroups();
      throw e;
    }
  }

  /** Starts the server; throws when the address cannot be bound. */
  public static WebServer start(ServerConfig config) throws Exception {
    return new WebServer(config, null);
  }

  /**
   * Starts the server with an agent at {@link WebHandler#AGENT} answering {@code agent}'s JSON (its
   * fingerprint and CPU time, for a load generator on another host).
   */
  public static WebServer start(ServerConfig config, java.util.function.Supplier<byte[]> agent) throws Exception {
    return new WebServer(config, agent);
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  public ServerConfig config() {
    return config;
  }

  public Transport transport() {
    return transport;
  }

  /** e.g. {@code epoll} or {@code nio (epoll unavailable: ...)}. */
  public String transportDescription() {
    return transport.describe(config.preferNative());
  }

  /** The certificate clients must trust, or null without TLS. */
  public SelfSignedTls tls() {
    return tls;
  }

  public WebHandler handler() {
    return handler;
  }

  /** CPU time of the server's threads (accept + event loops), nanoseconds. */
  public long cpuNanos() {
    return threads.cpuNanos();
  }

  /** Blocks until the server channel closes. */
  public void awaitClose() throws InterruptedException {
    channel.closeFuture().await();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    shutdownGroups();
  }

  private void shutdownGroups() {
    boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
    boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
