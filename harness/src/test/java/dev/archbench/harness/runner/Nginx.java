package dev.archbench.harness.runner;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx ({@code apt-get install -y nginx-light}) on a loopback port with a configuration of
 * the test's own, master and two workers, in the foreground as a child of the test: a real HTTP
 * server for {@code --target}. Missing nginx skips the test locally and fails it in CI
 * ({@code CI=true}); {@code ci/install-test-deps.sh} installs it.
 */
final class Nginx implements AutoCloseable {
  final int port;
  final Process master;

  private Nginx(int port, Process master) {
    this.port = port;
    this.master = master;
  }

  static Path require() {
    Optional<Path> found = List.of("/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx").stream().map(Path::of)
        .filter(Files::isExecutable).findFirst();
    if (found.isEmpty()) {
      String msg = "nginx not found (apt-get install -y nginx-light)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        Assertions.fail(msg + "; CI=true, so this is a failure");
      }
      Assumptions.abort(msg);
    }
    return found.get();
  }

  /**
   * Starts nginx under {@code dir}: {@code GET /} answers a small page, {@code POST /api/orders}
   * answers 201 with a JSON body. nginx's defaults otherwise: it closes a keep-alive connection after
   * 1000 requests, and the load generator must replace it without counting an error.
   */
  static Nginx start(Path dir) throws Exception {
    Path binary = require();
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(dir.resolve("logs"));
    Files.createDirectories(dir.resolve("tmp")); // nginx's temporary files here, not under /var/lib (non-root CI)
    String conf = """
        worker_processes 2;
        pid %1$s/nginx.pid;
        error_log %1$s/logs/error.log warn;
        events { worker_connections 1024; }
        http {
          access_log off;
          client_body_temp_path %1$s/tmp/body;
          proxy_temp_path %1$s/tmp/proxy;
          fastcgi_temp_path %1$s/tmp/fastcgi;
          uwsgi_temp_path %1$s/tmp/uwsgi;
          scgi_temp_path %1$s/tmp/scgi;
          server {
            listen 127.0.0.1:%2$d;
            location = /api/orders {
              default_type application/json;
              if ($request_method != POST) { return 405; }
              return 201 '{"accepted":true}';
            }
            location / {
              default_type text/html;
              return 200 '<html><body>archbench target test</body></html>';
            }
          }
        }
        """.formatted(dir.toAbsolutePath(), port);
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, conf);
    Process p = new ProcessBuilder(binary.toString(), "-p", dir.toAbsolutePath().toString(), "-c", file.toString(),
        "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("logs/stdout.log").toFile()).start();
    Nginx n = new Nginx(port, p);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
        return n;
      } catch (IOException notYet) {
        if (!p.isAlive()) {
          throw new IllegalStateException("nginx did not start: " + Files.readString(dir.resolve("logs/stdout.log"))
              + Files.readString(dir.resolve("logs/error.log")));
        }
        Thread.sleep(50);
      }
    }
    n.close();
    throw new IllegalStateException("nginx did not listen on port " + port + " within 10 s");
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /**
   * Stops the master with SIGTERM, nginx's fast shutdown, which ends its workers; killing workers first
   * would only make the master start new ones, orphaned once it dies. Anything left is then killed.
   */
  @Override
  public void close() {
    List<ProcessHandle> workers = master.toHandle().descendants().toList();
    master.destroy();
    try {
      master.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Runs.killTree(master.toHandle());
    workers.forEach(ProcessHandle::destroyForcibly);
  }
}
