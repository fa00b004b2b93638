package dev.archbench.workloads.web.jmh;

import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.server.WebHandler;
import dev.archbench.workloads.web.server.WebServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server's request path without sockets, through Netty's {@code EmbeddedChannel}:
 * {@code decode} parses a request (a browser-like GET with typical headers, or the 3.2 KB order
 * POST) into a {@code FullHttpRequest}; {@code handle} runs the whole server pipeline (decode,
 * route, Jackson, price, gzip when asked, encode) and yields the response bytes. This is the
 * per-request CPU cost of the service, free of the network stack and of the load generator.
 * Validated in setup: the request decodes, and the response is a 200.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HttpPathBenchmark {
  /** A request as browsers and API gateways send them: a realistic header block. */
  static final String BROWSER_GET = "GET /json HTTP/1.1\r\n"
      + "Host: api.example.internal:8080\r\n"
      + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36\r\n"
      + "Accept: application/json, text/plain, */*\r\n"
      + "Accept-Language: en-US,en;q=0.9\r\n"
      + "Cache-Control: no-cache\r\n"
      + "X-Request-Id: 2f1c9a7e-5b7d-4e0b-9c3f-8d2a4b6e1f00\r\n"
      + "Cookie: session=4b8f0e2a9c1d7e3f5a6b8c9d0e1f2a3b; theme=dark\r\n"
      + "Connection: keep-alive\r\n\r\n";

  @Param({"get-json", "post-orders", "post-orders-gzip"})
  public String request;

  private ByteBuf bytes;
  private EmbeddedChannel decoder;
  private EmbeddedChannel server;

  @Setup(Level.Trial)
  public void setup() {
    byte[] b = switch (request) {
      case "get-json" -> BROWSER_GET.getBytes(StandardCharsets.US_ASCII);
      case "post-orders" -> Endpoint.ORDERS.request("127.0.0.1:8080");
      case "post-orders-gzip" -> Endpoint.ORDERS_GZIP.request("127.0.0.1:8080");
      default -> throw new IllegalArgumentException("unknown request " + request);
    };
    bytes = Unpooled.unreleasableBuffer(Unpooled.directBuffer(b.length).writeBytes(b));
    // The request decoder alone: HttpServerCodec would wait for a response to every request and
    // refuse more than 128 unanswered ones (Netty 4.2's pipelining limit).
    decoder = new EmbeddedChannel(new HttpRequestDecoder(), new HttpObjectAggregator(1 << 16));
    server = new EmbeddedChannel(new HttpServerCodec(),
        new HttpContentCompressor(WebServer.GZIP_THRESHOLD_BYTES, StandardCompressionOptions.gzip()),
        new HttpObjectAggregator(1 << 16), new WebHandler());
    Object req = decode();
    if (!(req instanceof FullHttpRequest r) || !r.decoderResult().isSuccess()) {
      throw new IllegalStateException("request does not decode: " + req);
    }
    server.writeInbound(bytes.duplicate());
    ByteBuf head = (ByteBuf) server.readOutbound();
    String status = head.toString(0, Math.min(12, head.readableBytes()), StandardCharsets.US_ASCII);
    head.release();
    drain();
    if (!status.equals("HTTP/1.1 200")) {
      throw new IllegalStateException("server answered " + status);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    decoder.finishAndReleaseAll();
    server.finishAndReleaseAll();
  }

  @Benchmark
  public Object decode() {
    decoder.writeInbound(bytes.duplicate());
    Object msg = decoder.readInbound();
    ReferenceCountUtil.release(msg);
    return msg;
  }

  @Benchmark
  public int handle() {
    server.writeInbound(bytes.duplicate());
    return drain();
  }

  private int drain() {
    int n = 0;
    Object out;
    while ((out = server.readOutbound()) != null) {
      n += out instanceof ByteBuf b ? b.readableBytes() : 1;
      ReferenceCountUtil.release(out);
    }
    return n;
  }
}
