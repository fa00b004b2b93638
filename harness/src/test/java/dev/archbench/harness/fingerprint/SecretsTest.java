package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void secretLookingPropertiesAreRedacted() {
    assertThat(Secrets.redactArguments(List.of(
        "-Xmx1g", "-Djavax.net.ssl.keyStorePassword=s3cr3t", "-Daws.secretAccessKey=abc", "-Dgithub.token=ghp_x",
        "-Dmy.credentials=x", "-Dapi_key=y", "-Dfile.encoding=UTF-8", "-XX:+UseG1GC", "--db-password=z",
        "-Dproxy=http://u:pw@host:8080", "-Durl=jdbc:mysql://h/db?user=a&password=pw2")))
        .containsExactly("-Xmx1g", "-Djavax.net.ssl.keyStorePassword=<redacted>", "-Daws.secretAccessKey=<redacted>",
            "-Dgithub.token=<redacted>", "-Dmy.credentials=<redacted>", "-Dapi_key=<redacted>",
            "-Dfile.encoding=UTF-8", "-XX:+UseG1GC", "--db-password=<redacted>",
            "-Dproxy=http://u:<redacted>@host:8080", "-Durl=jdbc:mysql://h/db?user=a&password=<redacted>");
  }

  @Test
  void environmentIsAllowlistedAndOptionStringsRedacted() {
    Map<String, String> env = Map.of(
        "JAVA_HOME", "/usr/lib/jvm/java-17", "MALLOC_ARENA_MAX", "2", "OMP_NUM_THREADS", "4",
        "DNNL_MAX_CPU_ISA", "AVX512_CORE_AMX", "ONEDNN_VERBOSE", "1", "LD_PRELOAD", "/usr/lib/libjemalloc.so.2",
        "JAVA_TOOL_OPTIONS", "-Xss2m -Dapp.secret=hush", "AWS_SECRET_ACCESS_KEY", "AKIA...",
        "DNNL_AUTH_TOKEN", "x", "HOME", "/root");
    assertThat(Secrets.environment(env)).containsExactly(
        Map.entry("DNNL_MAX_CPU_ISA", "AVX512_CORE_AMX"),
        Map.entry("JAVA_HOME", "/usr/lib/jvm/java-17"),
        Map.entry("JAVA_TOOL_OPTIONS", "-Xss2m -Dapp.secret=<redacted>"),
        Map.entry("LD_PRELOAD", "/usr/lib/libjemalloc.so.2"),
        Map.entry("MALLOC_ARENA_MAX", "2"),
        Map.entry("OMP_NUM_THREADS", "4"),
        Map.entry("ONEDNN_VERBOSE", "1"));
  }
}
