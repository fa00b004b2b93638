package dev.archbench.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium for checking report pages in a real browser.
 *
 * <p>How the checks work: console messages (errors, CSP violations) come from
 * {@code --enable-logging=stderr}, where Chromium prints every console message as a
 * {@code CONSOLE} line; requests come from a NetLog ({@code --log-net-log}), where each request the
 * page starts is a {@code URL_REQUEST_START_JOB} event whose network isolation key is the page's
 * {@code file://} origin (the browser's own background requests carry no page origin). So that the
 * browser itself contacts nothing either, every host name resolves to nothing
 * ({@code --host-resolver-rules}) and background services are switched off.
 *
 * <p>Missing Chromium skips the test locally but fails it in CI ({@code CI=true}).
 */
final class Chromium {
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--no-default-browser-check", "--disable-default-apps", "--disable-domain-reliability", "--no-pings",
      "--disable-client-side-phishing-detection", "--disable-breakpad", "--metrics-recording-only",
      "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars");

  private final Path binary;

  private Chromium(Path binary) {
    this.binary = binary;
  }

  /** The browser, or the test is skipped (locally) or fails (CI). */
  static Chromium require() {
    Optional<Path> found = find();
    if (found.isEmpty()) {
      String msg = "Chromium not found (apt-get install -y chromium, or -Darchbench.chromium=PATH)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(msg + "; CI=true, so this is a failure");
      }
      Assumptions.abort(msg);
    }
    return new Chromium(found.get());
  }

  static Optional<Path> find() {
    String prop = System.getProperty("archbench.chromium");
    if (prop != null && !prop.isBlank()) {
      return Optional.of(Path.of(prop)).filter(Files::isExecutable);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /** What one browser run saw. */
  record Run(int exit, String stdout, List<String> console, List<String> pageRequests) {}

  /** Loads {@code page} with extra arguments (e.g. {@code --dump-dom}, {@code --screenshot=FILE}). */
  Run load(Path page, Path work, List<String> extra) throws Exception {
    Files.createDirectories(work);
    Path netlog = work.resolve("netlog.json");
    Path out = work.resolve("stdout.txt");
    Path err = work.resolve("stderr.txt");
    List<String> cmd = new ArrayList<>();
    cmd.add(binary.toString());
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + work.resolve("profile"));
    cmd.add("--enable-logging=stderr");
    cmd.add("--v=0");
    cmd.add("--log-net-log=" + netlog);
    cmd.addAll(extra);
    cmd.add(page.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assertions.fail("chromium did not finish within 120 s");
    }
    List<String> console = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
        .filter(l -> l.matches(".*CONSOLE[:(].*")).toList();
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), console, pageRequests(netlog));
  }

  /** URLs of requests started on behalf of a file:// page. */
  static List<String> pageRequests(Path netlog) throws Exception {
    String text = Files.readString(netlog, StandardCharsets.UTF_8).strip();
    if (!text.endsWith("}")) {
      // A NetLog may lack its closing brackets when the browser exits abruptly.
      text = text.replaceAll(",\\s*$", "") + "]}";
    }
    JsonNode root = Json.mapper().readTree(text);
    int startJob = root.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
    Assertions.assertNotEquals(-1, startJob, "NetLog has no URL_REQUEST_START_JOB event type");
    List<String> urls = new ArrayList<>();
    for (JsonNode e : root.path("events")) {
      JsonNode params = e.path("params");
      if (e.path("type").asInt() == startJob
          && params.path("network_isolation_key").asText("").contains("file://")) {
        urls.add(params.path("url").asText());
      }
    }
    return urls;
  }
}
