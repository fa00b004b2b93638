package dev.archbench.workloads.web.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * One request on its own connection, answered in full: the validation pass before and after load,
 * and the tests. Not for measuring.
 */
public final class HttpProbe {
  private static final long TIMEOUT_SECONDS = 10;

  /**
   * An answer: status, {@code Content-Encoding} (or null), the body as sent and the TLS protocol
   * negotiated (or null).
   */
  public record Answer(int status, String contentEncoding, byte[] rawBody, String tlsProtocol) {
    /** The body, gunzipped when the server compressed it. */
    public byte[] body() throws IOException {
      if ("gzip".equalsIgnoreCase(contentEncoding)) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(rawBody))) {
          return in.readAllBytes();
        }
      }
      return rawBody;
    }
  }

  private HttpProbe() {}

  /** Sends {@code request} (raw bytes, one request) and waits for the whole answer. */
  public static Answer send(LoadTarget target, byte[] request) throws Exception {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, target.transport().ioHandlerFactory());
    try {
      CompletableFuture<Answer> answer = new CompletableFuture<>();
      AtomicBoolean bytesArrived = new AtomicBoolean();
      Channel ch = new Bootstrap().group(group).channel(target.transport().clientChannel())
          .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))
          .handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                  bytesArrived.set(true);
                  ctx.fireChannelRead(msg);
                }
              });
              if (target.ssl() != null) {
                c.pipeline().addLast(target.ssl().newHandler(c.alloc(),
                    target.address().getHostString(), target.address().getPort()));
              }
              c.pipeline().addLast(new HttpResponseDecoder(), new HttpObjectAggregator(16 << 20),
                  new SimpleChannelInboundHandler<FullHttpResponse>() {
                    @Override
                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                      SslHandler ssl = ctx.pipeline().get(SslHandler.class);
                      answer.complete(new Answer(r.status().code(),
                          r.headers().get("Content-Encoding"), ByteBufUtil.getBytes(r.content()),
                          ssl == null ? null : ssl.engine().getSession().getProtocol()));
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                      answer.completeExceptionally(new IOException(bytesArrived.get()
                          ? "the connection closed in the middle of the answer"
                          : "connection closed without an answer"));
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                      // Netty's words for an answer cut short: "Channel closed while still aggregating message".
                      answer.completeExceptionally(cause instanceof PrematureChannelClosureException
                          ? new IOException("the connection closed in the middle of the answer") : cause);
                      ctx.close();
                    }
                  });
            }
          })
          .connect(target.address()).sync().channel();
      try {
        ch.writeAndFlush(Unpooled.wrappedBuffer(request)).sync();
        try {
          return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          throw new IOException("timed out after " + TIMEOUT_SECONDS + " s");
        }
      } finally {
        ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
      }
    } finally {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  /**
   * Checks that the server answers {@code endpoint} correctly (status 200, body equal to
   * {@link Endpoint#expectedBody()} after gunzip) and returns the body as sent, which every answer
   * under load must then match byte for byte.
   */
  public static byte[] validate(LoadTarget target, Endpoint endpoint) throws Exception {
    Answer a = send(target, endpoint.request(target.hostHeader()));
    if (a.status() != 200) {
      throw new IllegalStateException(endpoint.path() + " answered status " + a.status());
    }
    if (endpoint.gzip() != "gzip".equalsIgnoreCase(a.contentEncoding())) {
      throw new IllegalStateException(endpoint.path() + " answered Content-Encoding " + a.contentEncoding()
          + (endpoint.gzip() ? " although gzip was accepted" : " although none was asked for"));
    }
    if (!java.util.Arrays.equals(a.body(), endpoint.expectedBody())) {
      throw new IllegalStateException(endpoint.path() + " answered a body that differs from the expected one");
    }
    return a.rawBody();
  }
}
