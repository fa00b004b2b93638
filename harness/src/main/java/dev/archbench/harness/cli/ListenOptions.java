package dev.archbench.harness.cli;

import dev.archbench.workloads.web.server.ServerConfig;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * Where a server that archbench starts listens and for how long ({@code serve}, {@code agent}): the
 * options, their checks, and the wait until Ctrl-C or {@code --duration}. The port stays with each
 * command, whose default differs.
 */
public final class ListenOptions {
  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServerConfig.LOOPBACK,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, loopback only). "
          + "Use 0.0.0.0 to accept other hosts.")
  String bind;

  @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
      description = "Stop after this many seconds; 0 serves until interrupted (default).")
  double duration;

  /** The address to bind, after checking every option; {@code port} is the command's own. */
  InetAddress address(int port) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UserException("--bind: not an address of this host: " + bind, ExitCodes.USAGE);
    }
    if (port < 0 || port > 65_535) {
      throw new UserException("--port must be 0 to 65535", ExitCodes.USAGE);
    }
    if (!(duration >= 0)) {
      throw new UserException("--duration must be 0 or more seconds", ExitCodes.USAGE);
    }
    return address;
  }

  /**
   * Announces the running server, says how it stops, then waits for Ctrl-C or {@code --duration};
   * {@code stop} runs from the shutdown hook on Ctrl-C, else once the wait ends.
   */
  void serve(PrintWriter out, Runnable announce, Runnable stop, String hookName) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.run();
      stopped.countDown();
    }, hookName);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      announce.run();
      out.println(duration > 0 ? String.format(Locale.ROOT, "stopping after %.0f s", duration) : "press Ctrl-C to stop");
      out.flush();
      if (duration > 0) {
        stopped.await((long) (duration * 1000), TimeUnit.MILLISECONDS);
      } else {
        stopped.await();
      }
    } finally {
      stop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it stops the server itself
      }
    }
  }

  /** A host for a URL: IPv6 addresses in brackets. */
  static String hostForUrl(InetAddress a) {
    String h = a.getHostAddress();
    return h.contains(":") ? "[" + h + "]" : h;
  }
}
