package dev.archbench.workloads.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.web.api.Greeting;
import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.HttpProbe.Answer;
import dev.archbench.workloads.web.load.LoadTarget;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebServerTest {
  private static WebServer server;
  private static LoadTarget target;

  @BeforeAll
  static void start() throws Exception {
    server = WebServer.start(ServerConfig.loopback().withIoThreads(2));
    target = new LoadTarget(server.address(), null, server.transport());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void bindsLoopbackOnAnEphemeralPort() {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    assertThat(server.port()).isPositive();
  }

  @Test
  void usesNativeEpollOnLinux() {
    // We ship epoll natives for linux-x86_64 and linux-aarch_64: on those, NIO would be a packaging bug.
    String arch = System.getProperty("os.arch");
    if (System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("aarch64"))) {
      assertThat(server.transport()).isEqualTo(Transport.EPOLL);
      assertThat(server.transportDescription()).isEqualTo("epoll");
    }
  }

  @Test
  void nioFallbackIsRecordedAsSuch() throws Exception {
    try (WebServer nio = WebServer.start(ServerConfig.loopback().withIoThreads(1).withPreferNative(false))) {
      assertThat(nio.transport()).isEqualTo(Transport.NIO);
      assertThat(nio.transportDescription()).startsWith("nio");
      assertThat(HttpProbe.validate(new LoadTarget(nio.address(), null, Transport.NIO), Endpoint.JSON))
          .isEqualTo("{\"message\":\"Hello, World!\"}".getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Test
  void everyEndpointAnswersTheExpectedBody() throws Exception {
    for (Endpoint e : Endpoint.values()) {
      byte[] raw = HttpProbe.validate(target, e);
      assertThat(raw).as(e.id()).isNotEmpty();
    }
    assertThat(new String(HttpProbe.validate(target, Endpoint.PLAINTEXT), StandardCharsets.US_ASCII))
        .isEqualTo(Greeting.TEXT);
  }

  @Test
  void gzipOnlyWhenAskedAndWorthIt() throws Exception {
    Answer gz = HttpProbe.send(target, Endpoint.ORDERS_GZIP.request(target.hostHeader()));
    Answer plain = HttpProbe.send(target, Endpoint.ORDERS.request(target.hostHeader()));
    assertThat(gz.contentEncoding()).isEqualTo("gzip");
    assertThat(plain.contentEncoding()).isNull();
    assertThat(gz.rawBody().length).isLessThan(plain.rawBody().length / 2);
    assertThat(gz.body()).isEqualTo(plain.rawBody());
    // Below the threshold, compression is not worth it even when accepted.
    Answer small = HttpProbe.send(target, get("/json", "Accept-Encoding: gzip\r\n"));
    assertThat(small.contentEncoding()).isNull();
  }

  @Test
  void unknownPathsAndWrongMethodsAre4xx() throws Exception {
    assertThat(HttpProbe.send(target, get("/nope", "")).status()).isEqualTo(404);
    assertThat(HttpProbe.send(target, get("/api/orders", "")).status()).isEqualTo(405);
    assertThat(HttpProbe.send(target, post("/json", "application/json", "{}")).status()).isEqualTo(405);
  }

  @Test
  void invalidOrdersAre4xx() throws Exception {
    assertThat(HttpProbe.send(target, post("/api/orders", "application/json", "{\"orderId\":")).status())
        .isEqualTo(400);
    assertThat(HttpProbe.send(target, post("/api/orders", "application/json", "[1,2,3]")).status())
        .isEqualTo(400);
    assertThat(HttpProbe.send(target, post("/api/orders", "application/json", "{\"unknown\":1}")).status())
        .isEqualTo(400);
    Answer rule = HttpProbe.send(target, post("/api/orders", "application/json",
        "{\"orderId\":\"A\",\"customerId\":\"C\",\"currency\":\"EUR\",\"lines\":[]}"));
    assertThat(rule.status()).isEqualTo(422);
    assertThat(new String(rule.rawBody(), StandardCharsets.UTF_8)).contains("lines must have");
    assertThat(HttpProbe.send(target, post("/api/orders", "text/plain", "hello")).status()).isEqualTo(415);
  }

  @Test
  void tlsWithTheJdkProvider() throws Exception {
    tls(TlsMode.JDK);
  }

  @Test
  void tlsWithBoringSsl() throws Exception {
    assertThat(TlsMode.OPENSSL.unavailableReason()).as("BoringSSL ships for this platform").isEmpty();
    tls(TlsMode.OPENSSL);
  }

  private static void tls(TlsMode mode) throws Exception {
    try (WebServer s = WebServer.start(ServerConfig.loopback().withIoThreads(1).withTls(mode))) {
      LoadTarget t = new LoadTarget(s.address(), s.tls().clientContext(TlsMode.JDK), s.transport());
      Answer a = HttpProbe.send(t, Endpoint.JSON.request(t.hostHeader()));
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.tlsProtocol()).isEqualTo("TLSv1.3");
      assertThat(HttpProbe.validate(t, Endpoint.ORDERS_GZIP)).isNotEmpty();
      // A plain-HTTP client gets no answer from a TLS port, and the server survives it.
      RawHttp.Result plain = RawHttp.exchange(s.port(), get("/json", ""));
      assertThat(plain.status()).isNotEqualTo(200);
      assertThat(HttpProbe.send(t, Endpoint.PLAINTEXT.request(t.hostHeader())).status()).isEqualTo(200);
    }
  }

  static byte[] get(String path, String headers) {
    return ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] post(String path, String type, String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    return ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + type
        + "\r\nContent-Length: " + b.length + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }
}
