package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeCommandTest {
  private static final Pattern URL = Pattern.compile("serving web on (https?)://([^ ]+):(\\d+) ");

  @Test
  void servesWebOnLoopbackByDefault() throws Exception {
    ServingRun run = ServingRun.start("serve", "web", "--port", "0", "--duration", "3", "--threads", "1");
    Matcher m = run.await(URL);
    assertThat(m.group(1)).isEqualTo("http");
    assertThat(m.group(2)).isEqualTo("127.0.0.1");
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(3) + "/json"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"message\":\"Hello, World!\"}");
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
    assertThat(run.out().toString()).contains("transport epoll").contains("server stopped");
  }

  @Test
  void answersItsAgentForALoadHost() throws Exception {
    ServingRun run = ServingRun.start("serve", "web", "--port", "0", "--duration", "3", "--threads", "1");
    Matcher m = run.await(URL);
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(3) + "/archbench/agent"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode a = dev.archbench.record.Json.mapper().readTree(r.body());
    assertThat(a.path("host").path("arch").asText()).isIn("x86_64", "aarch64");
    assertThat(a.path("cpuScope").asText()).isEqualTo("process");
    assertThat(a.path("cpuNanos").asLong()).as("the server's JVM has used CPU").isPositive();
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void servesTls() throws Exception {
    ServingRun run = ServingRun.start("serve", "web", "--port", "0", "--duration", "1", "--threads", "1", "--tls", "openssl");
    Matcher m = run.await(URL);
    assertThat(m.group(1)).isEqualTo("https");
    assertThat(run.out().toString()).contains("TLSv1.3");
    assertThat(run.exit().get()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void unknownWorkloadIsAUsageError() throws Exception {
    ServingRun run = ServingRun.start("serve", "compression");
    assertThat(run.exit().get()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err().toString()).isEqualTo("archbench: no server for workload 'compression' (available: web)"
        + System.lineSeparator());
  }

  @Test
  void badOptionsAreOneLineErrors() throws Exception {
    ServingRun tls = ServingRun.start("serve", "web", "--tls", "rot13");
    assertThat(tls.exit().get()).isEqualTo(ExitCodes.USAGE);
    assertThat(tls.err().toString()).startsWith("archbench: --tls: unknown TLS mode 'rot13'").doesNotContain("\tat ");
    ServingRun port = ServingRun.start("serve", "web", "--port", "70000");
    assertThat(port.exit().get()).isEqualTo(ExitCodes.USAGE);
    assertThat(port.err().toString()).contains("--port must be 0 to 65535");
  }

  @Test
  void aPortInUseIsAOneLineFailure() throws Exception {
    ServingRun first = ServingRun.start("serve", "web", "--port", "0", "--duration", "3", "--threads", "1");
    Matcher m = first.await(URL);
    ServingRun second = ServingRun.start("serve", "web", "--port", m.group(3), "--threads", "1");
    assertThat(second.exit().get()).isEqualTo(ExitCodes.FAILURE);
    assertThat(second.err().toString()).startsWith("archbench: cannot listen on 127.0.0.1:" + m.group(3))
        .doesNotContain("\tat ");
    assertThat(first.exit().get()).isEqualTo(ExitCodes.OK);
  }
}
