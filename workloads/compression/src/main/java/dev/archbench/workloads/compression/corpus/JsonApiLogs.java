package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * JSON lines as an HTTP API service logs them: repeated keys, a few services and hosts, Zipf-
 * distributed endpoints and users, realistic status mix, log-normal latencies and sizes, and the
 * high-entropy parts real logs have (request ids, trace ids), which bound the ratio from above.
 */
final class JsonApiLogs {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final String[] SERVICES = {
    "checkout-api", "catalog-api", "auth-service", "search-api", "cart-service", "user-profile"
  };
  private static final String[] REGIONS = {"us-east-1", "us-west-2", "eu-west-1", "ap-south-1"};
  private static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "POST", "PUT",
    "DELETE", "PATCH"};
  private static final String[] PATHS = {
    "/api/v2/products/{id}", "/api/v2/products", "/api/v2/cart/{id}/items", "/api/v2/orders/{id}",
    "/api/v2/orders", "/api/v1/users/{id}/profile", "/api/v1/session", "/api/v2/search",
    "/api/v2/products/{id}/reviews", "/api/v1/users/{id}/addresses", "/healthz",
    "/api/v2/checkout/{id}/payment", "/api/v2/recommendations", "/api/v1/auth/token",
    "/api/v2/inventory/{id}", "/metrics"
  };
  private static final int[] STATUS = {200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 429,
    500, 502, 503};
  private static final double[] STATUS_WEIGHT = {0.78, 0.05, 0.02, 0.005, 0.04, 0.02, 0.015,
    0.005, 0.03, 0.004, 0.01, 0.012, 0.002, 0.002};
  private static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
        + " Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)"
        + " Version/17.1 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like"
        + " Gecko) Mobile/15E148",
    "okhttp/4.12.0", "python-requests/2.31.0", "Go-http-client/2.0", "curl/8.4.0",
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"
  };
  private static final String[] MESSAGES = {
    "request completed", "request completed", "request completed", "cache miss",
    "upstream timeout, retrying", "validation failed", "rate limit exceeded", "not found"
  };

  private JsonApiLogs() {}

  static byte[] generate(long seed, int size) {
    SplitMix64 rnd = new SplitMix64(seed);
    Zipf paths = new Zipf(PATHS.length, 1.2);
    Zipf users = new Zipf(50_000, 0.9);
    Zipf agents = new Zipf(AGENTS.length, 1.0);
    String[] hosts = new String[24];
    for (int i = 0; i < hosts.length; i++) {
      hosts[i] = "ip-10-0-" + rnd.nextInt(16) + "-" + rnd.between(2, 254);
    }
    long millis = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    Ascii out = new Ascii(size + 4096);
    while (out.size() < size) {
      millis += 1 + (long) rnd.exponential(4.0);
      int status = status(rnd);
      String path = PATHS[paths.sample(rnd)];
      if (path.contains("{id}")) {
        path = path.replace("{id}", Integer.toString(1000 + users.sample(rnd) * 7));
      }
      double latency = rnd.logNormal(status >= 500 ? 180 : 14, 0.8);
      out.add("{\"ts\":\"").add(TS.format(Instant.ofEpochMilli(millis)))
          .add("\",\"level\":\"").add(status >= 500 ? "ERROR" : status >= 400 ? "WARN" : "INFO")
          .add("\",\"service\":\"").add(SERVICES[rnd.nextInt(SERVICES.length)])
          .add("\",\"region\":\"").add(REGIONS[rnd.nextInt(REGIONS.length)])
          .add("\",\"host\":\"").add(hosts[rnd.nextInt(hosts.length)])
          .add("\",\"method\":\"").add(rnd.pick(METHODS))
          .add("\",\"path\":\"").add(path)
          .add("\",\"status\":").add(status)
          .add(",\"latency_ms\":").fixed(latency, 2)
          .add(",\"bytes\":").add((long) rnd.logNormal(2400, 1.1))
          .add(",\"user_id\":").add(100_000 + users.sample(rnd))
          .add(",\"request_id\":\"").hex(rnd.nextLong(), 16).hex(rnd.nextLong(), 16)
          .add("\",\"trace_id\":\"").hex(rnd.nextLong(), 16)
          .add("\",\"user_agent\":\"").add(AGENTS[agents.sample(rnd)])
          .add("\",\"msg\":\"").add(status >= 400 ? rnd.pick(MESSAGES) : MESSAGES[0])
          .add("\"}\n");
    }
    return CorpusSizes.exactly(out.bytes(), size);
  }

  private static int status(SplitMix64 rnd) {
    double u = rnd.nextDouble();
    for (int i = 0; i < STATUS.length; i++) {
      u -= STATUS_WEIGHT[i];
      if (u < 0) {
        return STATUS[i];
      }
    }
    return 200;
  }
}
