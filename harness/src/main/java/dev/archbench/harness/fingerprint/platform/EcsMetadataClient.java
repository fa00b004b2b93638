package dev.archbench.harness.fingerprint.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal client of the ECS task metadata endpoint v4: plain GETs of {@code ${ECS_CONTAINER_METADATA_URI_V4}}
 * (this container) and {@code .../task}. Short timeouts, one attempt each, every failure an empty
 * answer, never an exception. It exists only where ECS injected the variable ({@link #endpointFor});
 * the credentials endpoint ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}) is never asked.
 */
public final class EcsMetadataClient {
  /** The variable the ECS agent (and Fargate platform 1.4.0+) injects into every container. */
  public static final String ENDPOINT_ENV = "ECS_CONTAINER_METADATA_URI_V4";
  /** Metadata answers are a few KiB; a cap keeps a strange endpoint from costing memory. */
  private static final int MAX_BYTES = 1 << 20;

  private final String endpoint;
  private final Duration timeout;
  private final HttpClient http;

  public EcsMetadataClient(URI endpoint, Duration timeout) {
    String e = endpoint.toString();
    this.endpoint = e.endsWith("/") ? e.substring(0, e.length() - 1) : e;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).proxy(HttpClient.Builder.NO_PROXY)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Where the task metadata endpoint is, or empty when the variable is unset or not an http URI. */
  public static Optional<URI> endpointFor(Map<String, String> env) {
    String v = env.get(ENDPOINT_ENV);
    if (v == null || v.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(v.strip());
      return "http".equals(uri.getScheme()) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** {@code GET ${endpoint}/task}: the task and its containers. */
  public Optional<String> task() {
    return get(endpoint + "/task");
  }

  /** {@code GET ${endpoint}}: this container. */
  public Optional<String> container() {
    return get(endpoint);
  }

  private Optional<String> get(String uri) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout).GET().build();
      HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200 || r.body().length > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(r.body(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
