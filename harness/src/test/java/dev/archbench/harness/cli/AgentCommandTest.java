package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.agent.AgentReading;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code archbench agent} beside a service: the load side reads the host and the service's CPU from it. */
class AgentCommandTest {
  private static final Pattern URL = Pattern.compile("agent on (http://[^ ]+/archbench/agent) ");

  private record Run(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {}

  private static Run start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ArchbenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new Run(CompletableFuture.supplyAsync(() -> cl.execute(args)), out, err);
  }

  private static String awaitListening(Run run) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && !run.exit().isDone()) {
      Matcher m = URL.matcher(run.out().toString());
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(20);
    }
    throw new AssertionError("agent did not start: " + run.out() + run.err());
  }

  @Test
  void theAgentOfAProcessTreeAnswersItsCpuTime() throws Exception {
    long pid = ProcessHandle.current().pid();
    Run run = start("agent", "--pid", Long.toString(pid), "--port", "0", "--duration", "3");
    AgentReading a = new AgentClient(URI.create(awaitListening(run))).read();
    assertThat(a.cpuScope()).isEqualTo(LoadHost.ServerCpu.PROCESS_TREE);
    assertThat(a.cpuNanos()).as("this test JVM has used CPU").isPositive();
    assertThat(a.host().jvm()).isNotNull();
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void withoutAPidTheWholeHostsCpu() throws Exception {
    Run run = start("agent", "--port", "0", "--duration", "2");
    AgentReading a = new AgentClient(URI.create(awaitListening(run))).read();
    assertThat(a.cpuScope()).isEqualTo(LoadHost.ServerCpu.HOST);
    assertThat(a.cpuNanos()).isPositive();
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aPidThatIsNoProcessIsAOneLineUsageError() throws Exception {
    Run run = start("agent", "--pid", "999999999", "--port", "0");
    assertThat(run.exit().get()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().toString()).isEqualTo("archbench: --pid 999999999: no such process on this host"
        + System.lineSeparator());
  }
}
