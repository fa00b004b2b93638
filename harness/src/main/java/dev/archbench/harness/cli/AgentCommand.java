package dev.archbench.harness.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.archbench.harness.agent.HostCpuTime;
import dev.archbench.harness.fingerprint.HostPaths;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.agent.ServerAgent;
import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.agent.AgentReading;
import dev.archbench.workloads.web.userservice.ProcessTreeCpu;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archbench agent}: beside your own service on the system under test, answers
 * {@code GET /archbench/agent} with this host's fingerprint and the service's CPU time, so that
 * {@code archbench run --target URL --target-agent http://HOST:PORT} on a load host records the
 * service's host, its price and its CPU per request.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = {"Runs beside your service on the system under test: answers GET /archbench/agent with this"
        + " host's fingerprint and the service's CPU time, for 'archbench run --target URL --target-agent"
        + " http://HOST:PORT' on a load host. Stops on Ctrl-C or after --duration."})
public final class AgentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--pid", paramLabel = "PID",
      description = "The service's process: its CPU time and its children's (from /proc). Without it, the"
          + " whole host's busy CPU time (/proc/stat): use it on a host that runs nothing else.")
  Long pid;

  @Mixin ListenOptions listen;

  @Option(names = "--port", defaultValue = "9100", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() throws Exception {
    InetAddress address = listen.address(port);
    LoadHost.ServerCpu scope;
    LongSupplier cpu;
    if (pid != null) {
      ProcessTreeCpu tree = new ProcessTreeCpu(HostRoots.system().procfs(), pid);
      if (tree.cpuNanos().isEmpty()) {
        throw new UserException("--pid " + pid + ": no such process on this host", ExitCodes.USAGE);
      }
      scope = LoadHost.ServerCpu.PROCESS_TREE;
      cpu = () -> tree.cpuNanos().orElseThrow(() -> new IllegalStateException("process " + pid + " has ended"));
    } else {
      scope = LoadHost.ServerCpu.HOST;
      cpu = () -> HostCpuTime.busyNanos(procStat()).orElseThrow(() -> new IllegalStateException("no /proc/stat"));
    }
    cpu.getAsLong();
    ServerAgent agent = ServerAgent.ofThisHost(scope, cpu);
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(address, port), 16);
    } catch (IOException e) {
      throw new UserException("cannot listen on " + listen.bind + ":" + port + ": " + e.getMessage());
    }
    http.createContext(AgentReading.PATH, ex -> answer(ex, agent));
    http.start();
    PrintWriter out = spec.commandLine().getOut();
    listen.serve(out, () -> out.printf(Locale.ROOT, "archbench: agent on http://%s:%d%s (CPU of %s)%n",
        ListenOptions.hostForUrl(http.getAddress().getAddress()), http.getAddress().getPort(), AgentReading.PATH,
        pid != null ? "process " + pid + " and its children" : "the whole host"), () -> http.stop(0),
        "archbench-agent-shutdown");
    out.println("archbench: agent stopped");
    out.flush();
    return ExitCodes.OK;
  }

  private static String procStat() {
    try {
      return Files.readString(new HostPaths(HostRoots.system()).procStat());
    } catch (IOException e) {
      return "";
    }
  }

  private static void answer(HttpExchange ex, ServerAgent agent) throws IOException {
    try {
      if (!"GET".equals(ex.getRequestMethod())) {
        ex.getResponseHeaders().set("Allow", "GET");
        ex.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body;
      try {
        body = agent.get();
      } catch (IllegalStateException e) {
        byte[] msg = e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(503, msg.length);
        try (OutputStream o = ex.getResponseBody()) {
          o.write(msg);
        }
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream o = ex.getResponseBody()) {
        o.write(body);
      }
    } finally {
      ex.close();
    }
  }
}
