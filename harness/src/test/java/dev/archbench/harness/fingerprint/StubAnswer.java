package dev.archbench.harness.fingerprint;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** How the loopback metadata stubs (IMDS, ECS task metadata) answer: a status and a body, maybe none. */
public final class StubAnswer {
  private StubAnswer() {}

  /** Answers {@code body} (empty: no body) with {@code status}; {@code contentType} may be null. */
  public static void send(HttpExchange ex, int status, String body, String contentType) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      ex.getResponseHeaders().add("Content-Type", contentType);
    }
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      ex.getResponseBody().write(bytes);
    }
    ex.close();
  }
}
