package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.record.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted credentials, in the environment and in JVM arguments of a real {@code archbench sysinfo}
 * process, never reach its output (table or JSON). The JVM is forked because its arguments and
 * environment cannot be planted in-process.
 */
class SecretsInOutputTest {
  private static final List<String> PLANTED = List.of(
      "planted-aws-secret", "planted-gh-token", "planted-jvm-password", "planted-api-key",
      "planted-tool-token", "planted-url-password", "planted-jdbc-password", "planted-dnnl-token",
      "planted-session");

  @Test
  void plantedSecretsNeverAppearInTableOrJson(@TempDir Path tmp) throws Exception {
    Result table = runSysinfo(tmp, "table");
    Result json = runSysinfo(tmp, "json", "--json");
    for (Result r : List.of(table, json)) {
      assertThat(r.exit).as(r.err).isZero();
      for (String secret : PLANTED) {
        assertThat(r.out).as("stdout").doesNotContain(secret);
        assertThat(r.errWithoutJvmBanner()).as("stderr").doesNotContain(secret);
      }
    }
    // What is recorded is still useful: redacted, not dropped.
    JsonNode host = Json.mapper().readTree(json.out);
    List<String> args = new ArrayList<>();
    host.path("jvm").path("arguments").forEach(a -> args.add(a.asText()));
    assertThat(args).contains("-Ddb.password=<redacted>", "-Dservice.apiKey=<redacted>", "-Xss2m",
        "-Dproxy=http://build:<redacted>@proxy.example:3128",
        "-Djdbc.url=jdbc:postgresql://db/app?user=app&password=<redacted>");
    JsonNode env = host.path("environment");
    assertThat(env.path("JAVA_TOOL_OPTIONS").asText()).isEqualTo("-Dapi.token=<redacted> -Xss2m");
    assertThat(env.path("MALLOC_ARENA_MAX").asText()).isEqualTo("2");
    assertThat(env.path("DNNL_VERBOSE").asText()).isEqualTo("0");
    assertThat(env.has("AWS_SECRET_ACCESS_KEY")).isFalse();
    assertThat(env.has("GITHUB_TOKEN")).isFalse();
    assertThat(env.has("DNNL_API_TOKEN")).isFalse();
    assertThat(table.out).contains("MALLOC_ARENA_MAX", "-Ddb.password=<redacted>");
  }

  record Result(int exit, String out, String err) {
    /** The JVM itself echoes JAVA_TOOL_OPTIONS ("Picked up ...") before archbench runs; that line is not ours. */
    String errWithoutJvmBanner() {
      return String.join("\n", err.lines().filter(l -> !l.startsWith("Picked up ")).toList());
    }
  }

  private static Result runSysinfo(Path tmp, String name, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java,
        "-Ddb.password=planted-jvm-password",
        "-Dservice.apiKey=planted-api-key",
        "-Dproxy=http://build:planted-url-password@proxy.example:3128",
        "-Djdbc.url=jdbc:postgresql://db/app?user=app&password=planted-jdbc-password",
        "-Dweb.session=planted-session",
        "-cp", System.getProperty("java.class.path"),
        "dev.archbench.harness.Main", "sysinfo", "--no-imds"));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    Map<String, String> env = pb.environment();
    env.put("AWS_SECRET_ACCESS_KEY", "planted-aws-secret");
    env.put("GITHUB_TOKEN", "planted-gh-token");
    env.put("JAVA_TOOL_OPTIONS", "-Dapi.token=planted-tool-token -Xss2m");
    env.put("MALLOC_ARENA_MAX", "2");
    env.put("DNNL_VERBOSE", "0");
    env.put("DNNL_API_TOKEN", "planted-dnnl-token");
    env.put(ImdsClient.DISABLED_ENV, "true");
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sysinfo finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
