package dev.archbench.harness.fingerprint.ec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.archbench.harness.fingerprint.StubAnswer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that behaves like IMDSv2: {@code PUT /latest/api/token} issues a
 * token, and {@code GET /latest/meta-data/...} answers only with that token (401 without it). It
 * stands in for the one remote service tests cannot reach; it records every request it saw.
 */
public final class ImdsStub implements AutoCloseable {
  public static final String TOKEN = "stub-token-1234";
  private final HttpServer server;
  private final Map<String, String> metadata = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public ImdsStub(Map<String, String> metadata) throws IOException {
    this.metadata.putAll(metadata);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Typical answers of a spot c7g.xlarge in us-east-1. */
  public static Map<String, String> c7gSpot() {
    return Map.of(
        "instance-type", "c7g.xlarge",
        "placement/region", "us-east-1",
        "placement/availability-zone", "us-east-1b",
        "instance-life-cycle", "spot",
        "ami-id", "ami-0123456789abcdef0",
        "instance-id", "i-0123456789abcdef0");
  }

  /** Adds or changes an answer while running (e.g. a spot interruption notice). */
  public void put(String path, String value) {
    metadata.put(path, value);
  }

  public String endpoint() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
  }

  /** Requests seen, as {@code METHOD path [token]}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    String token = ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
    requests.add(ex.getRequestMethod() + " " + path + (token == null ? "" : " [token]"));
    if (path.equals("/latest/api/token")) {
      if (!ex.getRequestMethod().equals("PUT")
          || ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds") == null) {
        respond(ex, 400, "");
      } else {
        respond(ex, 200, TOKEN);
      }
      return;
    }
    if (!TOKEN.equals(token)) {
      respond(ex, 401, "");
      return;
    }
    String key = path.startsWith("/latest/meta-data/") ? path.substring("/latest/meta-data/".length()) : null;
    String value = key == null ? null : metadata.get(key);
    respond(ex, value == null ? 404 : 200, value == null ? "" : value);
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    StubAnswer.send(ex, status, body, null);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
