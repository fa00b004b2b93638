package dev.archbench.workloads.web.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.archbench.workloads.web.api.Greeting;
import dev.archbench.workloads.web.api.InvalidOrderException;
import dev.archbench.workloads.web.api.OrderPricing;
import dev.archbench.workloads.web.api.SampleOrders;
import dev.archbench.workloads.web.api.WebJson;
import dev.archbench.workloads.web.server.WebHandler;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the load generator asks for, the exact request bytes it sends and the body it expects back. */
public enum Endpoint {
  /** GET /plaintext: "Hello, World!" — the HTTP stack alone. */
  PLAINTEXT("GET", WebHandler.PLAINTEXT, false, false),
  /** GET /json: a small object serialized with Jackson per request. */
  JSON("GET", WebHandler.JSON, false, false),
  /** POST /api/orders with a 3.3 KB order: parse, validate, price, answer a JSON list (2.9 KB). */
  ORDERS("POST", WebHandler.ORDERS, true, false),
  /** The same with {@code Accept-Encoding: gzip}: the answer is compressed per request. */
  ORDERS_GZIP("POST", WebHandler.ORDERS, true, true);

  private final String method;
  private final String path;
  private final boolean postsOrder;
  private final boolean gzip;

  Endpoint(String method, String path, boolean postsOrder, boolean gzip) {
    this.method = method;
    this.path = path;
    this.postsOrder = postsOrder;
    this.gzip = gzip;
  }

  public static Endpoint of(String id) {
    for (Endpoint e : values()) {
      if (e.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown endpoint '" + id + "' (plaintext, json, orders, orders-gzip)");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public String path() {
    return path;
  }

  public boolean gzip() {
    return gzip;
  }

  /** The complete HTTP/1.1 request, encoded once and sent as is (keep-alive, no pipelining). */
  public byte[] request(String hostHeader) {
    byte[] body = postsOrder ? SampleOrders.standardBytes() : new byte[0];
    StringBuilder h = new StringBuilder(160).append(method).append(' ').append(path)
        .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
    if (gzip) {
      h.append("Accept-Encoding: gzip\r\n");
    }
    if (postsOrder) {
      h.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
    }
    h.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream(h.length() + body.length);
    out.writeBytes(h.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  /** The body a correct server returns, uncompressed; computed here, independently of a server. */
  public byte[] expectedBody() {
    try {
      return switch (this) {
        case PLAINTEXT -> Greeting.TEXT.getBytes(StandardCharsets.US_ASCII);
        case JSON -> WebJson.mapper().writeValueAsBytes(new Greeting(Greeting.TEXT));
        case ORDERS, ORDERS_GZIP -> WebJson.mapper().writeValueAsBytes(
            OrderPricing.price(SampleOrders.standard()));
      };
    } catch (JsonProcessingException | InvalidOrderException e) {
      throw new IllegalStateException("cannot compute the expected body of " + id(), e);
    }
  }
}
