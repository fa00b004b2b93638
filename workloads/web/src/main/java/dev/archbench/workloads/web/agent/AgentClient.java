package dev.archbench.workloads.web.agent;

import dev.archbench.record.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a server's agent over HTTP. One client per load test; a reading that fails stops the test
 * with one line (the server's CPU is what the two-host result is about).
 */
public final class AgentClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final URI agent;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
      .version(HttpClient.Version.HTTP_1_1).build();

  public AgentClient(URI agent) {
    this.agent = agent;
  }

  /** The agent of {@code archbench serve web} at {@code server}: the same host and port. */
  public static URI agentOf(URI server) {
    return server.resolve(AgentReading.PATH);
  }

  /**
   * The agent's URL from what the user gave: a bare {@code http://HOST:PORT} means the agent's own
   * path on it. IllegalArgumentException when it is not an http URL.
   */
  public static URI parse(String option, String url) {
    URI u;
    try {
      u = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": '" + url + "' is not a URL");
    }
    if (!"http".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
      throw new IllegalArgumentException(option + ": '" + url + "' is not an http://HOST:PORT URL");
    }
    return u.getPath() == null || u.getPath().isEmpty() || u.getPath().equals("/") ? agentOf(u) : u;
  }

  public URI uri() {
    return agent;
  }

  /** The agent's answer now; IllegalStateException with one line when it cannot be had. */
  public AgentReading read() {
    HttpRequest req = HttpRequest.newBuilder(agent).timeout(TIMEOUT).GET().build();
    HttpResponse<String> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("the server's agent " + agent + " does not answer: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the server's agent " + agent);
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("the server's agent " + agent + " answered " + r.statusCode()
          + " (is it 'archbench serve web' or 'archbench agent'?)");
    }
    try {
      AgentReading a = Json.mapper().readValue(r.body(), AgentReading.class);
      if (a.host() == null || a.cpuScope() == null) {
        throw new IOException("no host or CPU scope");
      }
      return a;
    } catch (IOException e) {
      throw new IllegalStateException("the server's agent " + agent + " answered something that is not an"
          + " agent reading: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
  }

  /** The server's CPU time now, nanoseconds. */
  public long cpuNanos() {
    return read().cpuNanos();
  }
}
