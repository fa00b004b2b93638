package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.agent.AgentClient;
import dev.archbench.workloads.web.agent.AgentReading;
import java.net.URI;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code archbench agent} beside a service: the load side reads the host and the service's CPU from it. */
class AgentCommandTest {
  private static final Pattern URL = Pattern.compile("agent on (http://[^ ]+/archbench/agent) ");

  @Test
  void theAgentOfAProcessTreeAnswersItsCpuTime() throws Exception {
    long pid = ProcessHandle.current().pid();
    ServingRun run = ServingRun.start("agent", "--pid", Long.toString(pid), "--port", "0", "--duration", "3");
    AgentReading a = new AgentClient(URI.create(run.await(URL).group(1))).read();
    assertThat(a.cpuScope()).isEqualTo(LoadHost.ServerCpu.PROCESS_TREE);
    assertThat(a.cpuNanos()).as("this test JVM has used CPU").isPositive();
    assertThat(a.host().jvm()).isNotNull();
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void withoutAPidTheWholeHostsCpu() throws Exception {
    ServingRun run = ServingRun.start("agent", "--port", "0", "--duration", "2");
    AgentReading a = new AgentClient(URI.create(run.await(URL).group(1))).read();
    assertThat(a.cpuScope()).isEqualTo(LoadHost.ServerCpu.HOST);
    assertThat(a.cpuNanos()).isPositive();
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aPidThatIsNoProcessIsAOneLineUsageError() throws Exception {
    ServingRun run = ServingRun.start("agent", "--pid", "999999999", "--port", "0");
    assertThat(run.exit().get()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().toString()).isEqualTo("archbench: --pid 999999999: no such process on this host"
        + System.lineSeparator());
  }
}
