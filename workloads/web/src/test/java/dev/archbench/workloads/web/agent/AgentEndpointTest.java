package dev.archbench.workloads.web.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.LoadHost;
import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.WebServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The server's agent over a real socket: the web server answers {@code GET /archbench/agent} with the
 * reading it is given, read at each request, and the client on the load side reads it back typed.
 */
class AgentEndpointTest {
  static final Host SERVER = new Host("aarch64", "host-id", null, null, null, null, null, null,
      new Host.Cloud("aws", "c7g.xlarge", "us-east-1", "us-east-1a", "on-demand", null, "imds"), List.of(), Map.of());

  @Test
  void theServerAnswersItsHostAndTheCpuTimeOfTheMomentItIsAsked() throws Exception {
    AtomicLong cpu = new AtomicLong(1_000);
    LoadHost.Network net = new LoadHost.Network(List.of(new LoadHost.Interface("ens5", "ena", "2.13.0g", null, 9001)),
        false, null);
    try (WebServer s = WebServer.start(ServerConfig.loopback().withIoThreads(1),
        () -> Json.write(new AgentReading(SERVER, net, LoadHost.ServerCpu.PROCESS, cpu.get()))
            .getBytes(StandardCharsets.UTF_8))) {
      AgentClient client = new AgentClient(AgentClient.agentOf(URI.create("http://127.0.0.1:" + s.port())));
      AgentReading a = client.read();
      assertThat(a.host().cloud().instanceType()).isEqualTo("c7g.xlarge");
      assertThat(a.network().interfaces()).extracting(LoadHost.Interface::driver).containsExactly("ena");
      assertThat(a.cpuScope()).isEqualTo(LoadHost.ServerCpu.PROCESS);
      assertThat(a.cpuNanos()).isEqualTo(1_000);
      cpu.set(5_000);
      assertThat(client.cpuNanos()).isEqualTo(5_000);
    }
  }

  @Test
  void aServerWithoutAnAgentSaysSoInOneLine() throws Exception {
    try (WebServer s = WebServer.start(ServerConfig.loopback().withIoThreads(1))) {
      AgentClient client = new AgentClient(AgentClient.parse("--server", "http://127.0.0.1:" + s.port()));
      assertThatThrownBy(client::read).isInstanceOf(IllegalStateException.class)
          .hasMessage("the server's agent http://127.0.0.1:" + s.port() + "/archbench/agent answered 404"
              + " (is it 'archbench serve web' or 'archbench agent'?)");
    }
  }

  @Test
  void urlsAreHttpWithTheAgentsPathByDefault() {
    assertThat(AgentClient.parse("--target-agent", "http://10.0.0.2:9100").toString())
        .isEqualTo("http://10.0.0.2:9100/archbench/agent");
    assertThat(AgentClient.parse("--target-agent", "http://10.0.0.2:9100/").toString())
        .isEqualTo("http://10.0.0.2:9100/archbench/agent");
    assertThat(AgentClient.parse("--target-agent", "http://10.0.0.2:9100/custom").toString())
        .isEqualTo("http://10.0.0.2:9100/custom");
    assertThatThrownBy(() -> AgentClient.parse("--server", "https://x:1")).hasMessage(
        "--server: 'https://x:1' is not an http://HOST:PORT URL");
    assertThatThrownBy(() -> AgentClient.parse("--server", "not a url")).hasMessage(
        "--server: 'not a url' is not a URL");
  }
}
