package dev.archbench.workloads.web.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archbench.workloads.web.api.Greeting;
import dev.archbench.workloads.web.api.InvalidOrderException;
import dev.archbench.workloads.web.api.OrderPricing;
import dev.archbench.workloads.web.api.OrderRequest;
import dev.archbench.workloads.web.api.PricedLine;
import dev.archbench.workloads.web.api.WebJson;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The service's routes. Every request gets an answer: bad HTTP 400 (414/431 for over-long lines and
 * headers), unknown paths 404, wrong methods 405, invalid JSON 400, broken business rules 422, and any
 * unexpected failure 500; a connection is closed after an answer to a request it cannot trust.
 */
@Sharable
public final class WebHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  public static final String PLAINTEXT = "/plaintext";
  public static final String JSON = "/json";
  public static final String ORDERS = "/api/orders";

  private static final byte[] HELLO = Greeting.TEXT.getBytes(StandardCharsets.US_ASCII);
  private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain; charset=UTF-8");
  private static final AsciiString APPLICATION_JSON = AsciiString.cached("application/json");
  private static final AsciiString SERVER = AsciiString.cached("archbench");
  private static final ObjectMapper MAPPER = WebJson.mapper();

  /** Where a two-host run's load generator reads this server's fingerprint and CPU time. */
  public static final String AGENT = "/archbench/agent";

  private final LongAdder badRequests = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final Supplier<byte[]> agent;

  /** The service's routes alone (the in-host load tests, the JMH pipeline benchmark). */
  public WebHandler() {
    this(null);
  }

  /** @param agent the agent's JSON answer at {@link #AGENT}, made per request; null: no agent (404) */
  public WebHandler(Supplier<byte[]> agent) {
    this.agent = agent;
  }

  /** Requests answered with 4xx so far (tests check that bad input is seen as bad). */
  public long badRequests() {
    return badRequests.sum();
  }

  /** Requests answered with 5xx so far. */
  public long serverErrors() {
    return serverErrors.sum();
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    DecoderResult dr = req.decoderResult();
    if (dr.isFailure()) {
      HttpResponseStatus s = dr.cause() instanceof TooLongHttpLineException
          ? HttpResponseStatus.REQUEST_URI_TOO_LONG
          : dr.cause() instanceof TooLongHttpHeaderException
              ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
              : HttpResponseStatus.BAD_REQUEST;
      sendError(ctx, s, "malformed request", false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    String path = path(req.uri());
    try {
      switch (path) {
        case PLAINTEXT -> {
          if (requireMethod(ctx, req, HttpMethod.GET, keepAlive)) {
            send(ctx, ok(Unpooled.wrappedBuffer(HELLO), TEXT_PLAIN), keepAlive);
          }
        }
        case JSON -> {
          if (requireMethod(ctx, req, HttpMethod.GET, keepAlive)) {
            send(ctx, ok(json(ctx, new Greeting(Greeting.TEXT)), APPLICATION_JSON), keepAlive);
          }
        }
        case ORDERS -> {
          if (requireMethod(ctx, req, HttpMethod.POST, keepAlive)) {
            orders(ctx, req, keepAlive);
          }
        }
        case AGENT -> {
          if (agent == null) {
            sendError(ctx, HttpResponseStatus.NOT_FOUND, "no such path", keepAlive);
          } else if (requireMethod(ctx, req, HttpMethod.GET, keepAlive)) {
            send(ctx, ok(Unpooled.wrappedBuffer(agent.get()), APPLICATION_JSON), keepAlive);
          }
        }
        default -> sendError(ctx, HttpResponseStatus.NOT_FOUND, "no such path", keepAlive);
      }
    } catch (RuntimeException | IOException e) {
      serverErrors.increment();
      sendError(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", false);
    }
  }

  private void orders(ChannelHandlerContext ctx, FullHttpRequest req, boolean keepAlive)
      throws IOException {
    String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (type != null && !type.regionMatches(true, 0, "application/json", 0, 16)) {
      sendError(ctx, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "expected application/json", keepAlive);
      return;
    }
    OrderRequest order;
    try (ByteBufInputStream in = new ByteBufInputStream(req.content())) {
      order = MAPPER.readValue((java.io.InputStream) in, OrderRequest.class);
    } catch (JsonProcessingException e) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, "invalid JSON", keepAlive);
      return;
    }
    if (order == null) {
      sendError(ctx, HttpResponseStatus.BAD_REQUEST, "invalid JSON", keepAlive);
      return;
    }
    List<PricedLine> priced;
    try {
      priced = OrderPricing.price(order);
    } catch (InvalidOrderException e) {
      sendError(ctx, HttpResponseStatus.UNPROCESSABLE_ENTITY, e.getMessage(), keepAlive);
      return;
    }
    send(ctx, ok(json(ctx, priced), APPLICATION_JSON), keepAlive);
  }

  private boolean requireMethod(ChannelHandlerContext ctx, FullHttpRequest req, HttpMethod m,
      boolean keepAlive) {
    if (req.method().equals(m)) {
      return true;
    }
    FullHttpResponse r = error(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed");
    r.headers().set(HttpHeaderNames.ALLOW, m.asciiName());
    badRequests.increment();
    send(ctx, r, keepAlive);
    return false;
  }

  private static ByteBuf json(ChannelHandlerContext ctx, Object value) throws IOException {
    ByteBuf buf = ctx.alloc().buffer(256);
    try (ByteBufOutputStream out = new ByteBufOutputStream(buf)) {
      MAPPER.writeValue((java.io.OutputStream) out, value);
    } catch (IOException | RuntimeException e) {
      buf.release();
      throw e;
    }
    return buf;
  }

  private static FullHttpResponse ok(ByteBuf body, AsciiString contentType) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body);
    HttpHeaders h = r.headers();
    h.set(HttpHeaderNames.CONTENT_TYPE, contentType);
    h.set(HttpHeaderNames.SERVER, SERVER);
    h.set(HttpHeaderNames.DATE, HttpDate.now());
    h.setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
    return r;
  }

  private static FullHttpResponse error(HttpResponseStatus status, String message) {
    byte[] body = ("{\"error\":" + quote(message) + "}").getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r = ok(Unpooled.wrappedBuffer(body), APPLICATION_JSON);
    r.setStatus(status);
    return r;
  }

  private void sendError(ChannelHandlerContext ctx, HttpResponseStatus status, String message,
      boolean keepAlive) {
    if (status.code() < 500) {
      badRequests.increment();
    }
    send(ctx, error(status, message), keepAlive);
  }

  private static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A broken connection (reset, not TLS, failed handshake, undecodable bytes): drop it. Anything
    // else is our bug and counted as such.
    if (!(cause instanceof IOException) && !(cause instanceof DecoderException)) {
      serverErrors.increment();
    }
    ctx.close();
  }

  static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }

  private static String quote(String s) {
    try {
      return MAPPER.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      return "\"error\"";
    }
  }
}
