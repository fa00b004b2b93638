package dev.archbench.workloads.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.LoadTarget;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input over raw sockets: always a 4xx (or a close), never a dead server. */
class BadRequestTest {
  private static WebServer server;

  @BeforeAll
  static void start() throws Exception {
    server = WebServer.start(ServerConfig.loopback().withIoThreads(1));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void serverStillServes() throws Exception {
    assertThat(HttpProbe.validate(new LoadTarget(server.address(), null, server.transport()), Endpoint.JSON))
        .isNotEmpty();
    assertThat(server.handler().serverErrors()).isZero();
  }

  private static RawHttp.Result send(String raw) throws Exception {
    return RawHttp.exchange(server.port(), raw.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void garbageIs400() throws Exception {
    assertThat(send("\u0001\u0002 this is not http\r\n\r\n").status()).isEqualTo(400);
  }

  @Test
  void malformedRequestLineIs400() throws Exception {
    assertThat(send("GET\r\nHost: x\r\n\r\n").status()).isEqualTo(400);
    assertThat(send("GET /json HTTP/9.z\r\nHost: x\r\n\r\n").status()).isEqualTo(400);
  }

  @Test
  void badContentLengthIs400() throws Exception {
    assertThat(send("POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n").status())
        .isEqualTo(400);
  }

  @Test
  void overlongUriIs414() throws Exception {
    assertThat(send("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n").status()).isEqualTo(414);
  }

  @Test
  void overlongHeadersAre431() throws Exception {
    assertThat(send("GET /json HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n").status())
        .isEqualTo(431);
  }

  @Test
  void oversizedBodyIs413AndNotRead() throws Exception {
    int limit = ServerConfig.DEFAULT_MAX_BODY_BYTES;
    RawHttp.Result r = send("POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (limit + 1) + "\r\n\r\n{");
    assertThat(r.status()).isEqualTo(413);
  }

  @Test
  void oversizedChunkedBodyIs413() throws Exception {
    String chunk = "x".repeat(16_384);
    StringBuilder sb = new StringBuilder("POST /api/orders HTTP/1.1\r\nHost: x\r\n"
        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
    for (int i = 0; i < 6; i++) {
      sb.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
    }
    sb.append("0\r\n\r\n");
    assertThat(send(sb.toString()).status()).isEqualTo(413);
  }

  @Test
  void invalidJsonBodyIs400() throws Exception {
    String body = "{\"orderId\": \"x\", ";
    assertThat(send("POST /api/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length() + "\r\n\r\n" + body).status()).isEqualTo(400);
  }

  @Test
  void http10WithoutKeepAliveIsAnsweredAndClosed() throws Exception {
    RawHttp.Result r = send("GET /plaintext HTTP/1.0\r\n\r\n");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).endsWith("Hello, World!");
  }
}
