package dev.archbench.harness.fingerprint.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.archbench.harness.fingerprint.StubAnswer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on loopback that answers like the ECS task metadata endpoint v4: {@code GET
 * /v4/<id>} is this container, {@code GET /v4/<id>/task} the task, anything else 404. It stands in
 * for the one remote service tests cannot reach and records every request it saw.
 */
public final class EcsMetadataStub implements AutoCloseable {
  private static final String BASE = "/v4/0f3c6a1e2b7d4c58a9e1d2f3b4c5a6d7-1786503316";
  private final HttpServer server;
  private final String task;
  private final String container;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public EcsMetadataStub(String task, String container) throws IOException {
    this.task = task;
    this.container = container;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A stub answering with the fixture pair {@code ecs-metadata/<name>-task.json} and {@code -container.json}. */
  public static EcsMetadataStub of(String name) throws IOException {
    return new EcsMetadataStub(fixture(name + "-task.json"), fixture(name + "-container.json"));
  }

  static String fixture(String file) {
    try (InputStream in = EcsMetadataStub.class.getResourceAsStream("/ecs-metadata/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no ECS fixture " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value ECS puts into {@code ECS_CONTAINER_METADATA_URI_V4}. */
  public String endpoint() {
    return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + BASE;
  }

  /** Requests seen, as {@code METHOD path}. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    requests.add(ex.getRequestMethod() + " " + path);
    String body = !ex.getRequestMethod().equals("GET") ? null
        : path.equals(BASE) ? container
        : path.equals(BASE + "/task") ? task
        : null;
    StubAnswer.send(ex, body == null ? 404 : 200, body, "application/json");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
