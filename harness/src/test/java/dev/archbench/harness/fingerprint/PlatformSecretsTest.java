package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.EcsMetadataStub;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Lambda function's environment holds the function role's credentials, an ECS task's the path to
 * its role's credentials: neither leaves a trace in the fingerprint (JSON or table), and the
 * credentials endpoint is never asked.
 */
class PlatformSecretsTest {
  private static final Map<String, String> CREDENTIALS = Map.of(
      "AWS_ACCESS_KEY_ID", "ASIAPLANTEDACCESSKEY1",
      "AWS_SECRET_ACCESS_KEY", "planted-secret-access-key",
      "AWS_SESSION_TOKEN", "planted-session-token",
      "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/planted-credentials-id",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN", "planted-authorization-token",
      "AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");

  @Test
  void lambdaEnvironmentWithCredentialsLeavesNoTraceInTheRecord() {
    Map<String, String> env = new HashMap<>(CREDENTIALS);
    env.putAll(Map.of("AWS_LAMBDA_FUNCTION_NAME", "archbench-x86-1024", "AWS_LAMBDA_FUNCTION_VERSION", "3",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024", "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
        "AWS_EXECUTION_ENV", "AWS_Lambda_java17", "AWS_REGION", "us-east-1"));
    Host h = Fingerprinter.collect(Fixtures.roots("c7i.xlarge"), withoutImds(env), Fixtures.REFUSE,
        PlatformPathTest.REFUSE_ECS);
    assertThat(h.platform().lambdaFunction().name()).isEqualTo("archbench-x86-1024");
    assertNoTrace(h);
  }

  @Test
  void ecsTaskCredentialsAreNeitherRecordedNorFetched() throws Exception {
    try (EcsMetadataStub stub = EcsMetadataStub.of("fargate")) {
      Map<String, String> env = new HashMap<>(CREDENTIALS);
      env.put(EcsMetadataClient.ENDPOINT_ENV, stub.endpoint());
      Host h = Fingerprinter.collect(Fixtures.roots("container-c6g"), withoutImds(env), Fixtures.REFUSE,
          PlatformPathTest.PATIENT);
      assertThat(h.platform().ecsTask()).isNotNull();
      assertNoTrace(h);
      assertThat(stub.requests()).noneMatch(r -> r.contains("credentials"));
    }
  }

  private static Map<String, String> withoutImds(Map<String, String> env) {
    Map<String, String> out = new HashMap<>(env);
    out.putAll(Fixtures.NO_IMDS);
    return out;
  }

  private static void assertNoTrace(Host h) {
    for (String text : List.of(Json.write(h), HostTable.render(h))) {
      for (Map.Entry<String, String> e : CREDENTIALS.entrySet()) {
        assertThat(text).doesNotContain(e.getKey()).doesNotContain(e.getValue());
      }
      assertThat(text).doesNotContain("planted");
    }
  }
}
