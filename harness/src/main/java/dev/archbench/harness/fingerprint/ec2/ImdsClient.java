package dev.archbench.harness.fingerprint.ec2;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A minimal IMDSv2 client: a session token from {@code PUT /latest/api/token}, then GETs of
 * {@code /latest/meta-data/...} with that token. Short timeouts, and at most three failed attempts
 * over the client's life (so an unreachable service costs about three seconds, once); every failure
 * is an empty answer, never an exception, so callers fall back silently.
 *
 * <p>It is only created when the host says it is EC2 (DMI) or an endpoint is configured; see
 * {@link #forHost}. Nothing else in archbench talks to the metadata service.
 */
public final class ImdsClient {
  /** The AWS SDKs' variable naming an alternative endpoint (tests point it at a loopback stub). */
  public static final String ENDPOINT_ENV = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
  /** The AWS SDKs' variable that turns the metadata service off. */
  public static final String DISABLED_ENV = "AWS_EC2_METADATA_DISABLED";
  static final URI DEFAULT_ENDPOINT = URI.create("http://169.254.169.254/");
  private static final int MAX_FAILED_ATTEMPTS = 3;
  private static final int TOKEN_TTL_SECONDS = 21600;

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient http;
  private int failuresLeft = MAX_FAILED_ATTEMPTS;
  private String token;

  public ImdsClient(URI endpoint, Duration timeout) {
    this.endpoint = endpoint.toString().endsWith("/") ? endpoint : URI.create(endpoint + "/");
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).proxy(HttpClient.Builder.NO_PROXY)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The client to use on this host, or empty when IMDS must not be contacted (see {@link #endpointFor}).
   */
  public static Optional<ImdsClient> forHost(Map<String, String> env, boolean dmiSaysEc2) {
    return endpointFor(env, dmiSaysEc2).map(uri -> new ImdsClient(uri, Duration.ofSeconds(1)));
  }

  /**
   * Where IMDS may be asked, or empty when it must not be: only when DMI says EC2 or
   * {@value #ENDPOINT_ENV} is set, and never when {@value #DISABLED_ENV} is {@code true}. This is
   * the one decision that lets archbench open a network connection.
   */
  public static Optional<URI> endpointFor(Map<String, String> env, boolean dmiSaysEc2) {
    if ("true".equalsIgnoreCase(env.getOrDefault(DISABLED_ENV, "").trim())) {
      return Optional.empty();
    }
    String configured = env.get(ENDPOINT_ENV);
    if (configured != null && !configured.isBlank()) {
      try {
        return Optional.of(URI.create(configured.trim()));
      } catch (IllegalArgumentException e) {
        return Optional.empty(); // a malformed endpoint is no endpoint: fall back to DMI
      }
    }
    return dmiSaysEc2 ? Optional.of(DEFAULT_ENDPOINT) : Optional.empty();
  }

  /** {@code GET /latest/meta-data/<path>}; empty on 404, timeout or any other failure. */
  public synchronized Optional<String> metadata(String path) {
    if (token == null && !fetchToken()) {
      return Optional.empty();
    }
    HttpRequest req = HttpRequest.newBuilder(endpoint.resolve("latest/meta-data/" + path))
        .timeout(timeout).header("X-aws-ec2-metadata-token", token).GET().build();
    return send(req).filter(r -> r.statusCode() == 200).map(HttpResponse::body).map(String::trim);
  }

  private boolean fetchToken() {
    HttpRequest req = HttpRequest.newBuilder(endpoint.resolve("latest/api/token"))
        .timeout(timeout)
        .header("X-aws-ec2-metadata-token-ttl-seconds", Integer.toString(TOKEN_TTL_SECONDS))
        .PUT(HttpRequest.BodyPublishers.noBody()).build();
    token = send(req).filter(r -> r.statusCode() == 200).map(HttpResponse::body).map(String::trim)
        .filter(t -> !t.isEmpty()).orElse(null);
    return token != null;
  }

  private Optional<HttpResponse<String>> send(HttpRequest req) {
    while (failuresLeft > 0) {
      try {
        // A definite answer (even 404) is final; only no answer is retried.
        return Optional.of(http.send(req, HttpResponse.BodyHandlers.ofString()));
      } catch (IOException e) {
        failuresLeft--; // refused or timed out: try again while the budget lasts
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
