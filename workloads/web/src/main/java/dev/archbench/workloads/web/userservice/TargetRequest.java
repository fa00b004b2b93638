package dev.archbench.workloads.web.userservice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The request archbench's load generator sends to a user's service ({@code --target URL}) and the
 * status every answer must have ({@code --target-status}, default 200). Without a request file it is
 * {@code GET} of the URL's path. A request file ({@code --target-request FILE}) is an HTTP message
 * as people write them in {@code .http} files:
 *
 * <pre>
 * # comment lines at the top are skipped
 * POST /api/orders
 * Content-Type: application/json
 * Authorization: Bearer abc
 *
 * {"sku": "A-1", "quantity": 2}
 * </pre>
 *
 * The first line is the method and, optionally, the path (else the URL's); header lines follow; after
 * a blank line, the body as is, or {@code < body.json} to take it from a file (relative to the request
 * file). archbench adds {@code Host} and {@code Content-Length} unless the file sets them. Plain HTTP/1.1
 * only; not {@code HEAD}. Pure parsing, apart from reading the body file.
 */
public record TargetRequest(URI url, String method, String path, List<Header> headers, byte[] body,
    int expectedStatus) {
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  public record Header(String name, String value) {}

  public TargetRequest {
    headers = List.copyOf(headers);
  }

  /**
   * @param url {@code --target}
   * @param requestFile {@code --target-request}, or null
   * @param status {@code --target-status}, or null for 200
   * @throws IllegalArgumentException with one line naming the option, for anything malformed
   */
  public static TargetRequest of(String url, Path requestFile, String status) {
    URI uri = url(url);
    int expected = status(status);
    if (requestFile == null) {
      return new TargetRequest(uri, "GET", pathOf(uri), List.of(), new byte[0], expected);
    }
    String text;
    try {
      text = Files.readString(requestFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException("--target-request: cannot read " + requestFile + ": " + e.getMessage());
    }
    return parse(uri, text, requestFile.toAbsolutePath().getParent(), expected, requestFile.toString());
  }

  /** Parses a request file's text; {@code dir} resolves a {@code < file} body. */
  static TargetRequest parse(URI uri, String text, Path dir, int expectedStatus, String source) {
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && (lines[i].isBlank() || lines[i].startsWith("#"))) {
      i++;
    }
    if (i == lines.length) {
      throw new IllegalArgumentException("--target-request: " + source + " has no request line (METHOD [PATH])");
    }
    String[] first = lines[i].trim().split("\\s+");
    if (!METHOD.matcher(first[0]).matches() || first.length > 3
        || (first.length == 3 && !first[2].startsWith("HTTP/"))) {
      throw new IllegalArgumentException("--target-request: " + source + " line " + (i + 1) + ": '" + lines[i]
          + "' is not METHOD [PATH]");
    }
    String method = first[0];
    if (method.equals("HEAD") || method.equals("CONNECT")) {
      throw new IllegalArgumentException("--target-request: " + source + " line " + (i + 1) + ": " + method
          + " is not supported (its answers have no body to frame)");
    }
    String path = first.length >= 2 ? first[1] : pathOf(uri);
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("--target-request: " + source + " line " + (i + 1)
          + ": the path must start with /");
    }
    List<Header> headers = new ArrayList<>();
    for (i++; i < lines.length && !lines[i].isEmpty(); i++) {
      int colon = lines[i].indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(lines[i].substring(0, colon)).matches()) {
        throw new IllegalArgumentException("--target-request: " + source + " line " + (i + 1) + ": '" + lines[i]
            + "' is not a header (Name: value)");
      }
      headers.add(new Header(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim()));
    }
    byte[] body = new byte[0];
    if (i < lines.length - 1) {
      String rest = String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
      String trimmed = rest.strip();
      if (trimmed.startsWith("<") && !trimmed.contains("\n")) {
        Path file = dir.resolve(trimmed.substring(1).trim());
        try {
          body = Files.readAllBytes(file);
        } catch (IOException e) {
          throw new IllegalArgumentException("--target-request: " + source + ": cannot read the body file " + file);
        }
      } else {
        // A trailing newline ends the file, not the body.
        body = (rest.endsWith("\n") ? rest.substring(0, rest.length() - 1) : rest).getBytes(StandardCharsets.UTF_8);
      }
    }
    return new TargetRequest(uri, method, path, headers, body, expectedStatus);
  }

  /** The complete HTTP/1.1 request, sent as is on every keep-alive connection. */
  public byte[] bytes() {
    StringBuilder h = new StringBuilder().append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    if (!has("Host")) {
      h.append("Host: ").append(hostHeader()).append("\r\n");
    }
    headers.forEach(x -> h.append(x.name()).append(": ").append(x.value()).append("\r\n"));
    if (!has("Content-Length") && (body.length > 0 || method.equals("POST") || method.equals("PUT"))) {
      h.append("Content-Length: ").append(body.length).append("\r\n");
    }
    h.append("\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(url.getHost(), port(url));
  }

  /** e.g. {@code GET /index.html}, for messages and the record. */
  public String describe() {
    return method + " " + path;
  }

  private boolean has(String name) {
    return headers.stream().anyMatch(x -> x.name().equalsIgnoreCase(name));
  }

  private String hostHeader() {
    return url.getPort() < 0 ? url.getHost() : url.getHost() + ":" + url.getPort();
  }

  private static URI url(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("--target: '" + url + "' is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("https")) {
      throw new IllegalArgumentException("--target: " + url + ": https is not supported yet; drive the service's"
          + " plain HTTP port (e.g. behind its TLS terminator)");
    }
    if (!scheme.equals("http") || uri.getHost() == null) {
      throw new IllegalArgumentException("--target: '" + url + "' is not an http://HOST[:PORT][/PATH] URL");
    }
    return uri;
  }

  private static int port(URI uri) {
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }

  private static String pathOf(URI uri) {
    String p = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? p : p + "?" + uri.getRawQuery();
  }

  private static int status(String status) {
    if (status == null || status.isBlank()) {
      return 200;
    }
    try {
      int s = Integer.parseInt(status.trim());
      if (s >= 100 && s <= 599) {
        return s;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new IllegalArgumentException("--target-status: '" + status + "' is not an HTTP status code (100-599)");
  }
}
