package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.harness.fingerprint.ec2.ImdsStub;
import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.EcsMetadataStub;
import dev.archbench.harness.fingerprint.platform.PlatformSource;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.Platform;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which platform the fingerprint says it runs on, and when it talks to the ECS task metadata
 * endpoint: every connection goes to a real stub on loopback; a counting connector proves when none
 * is opened at all.
 */
class PlatformPathTest {
  /** Opens task metadata clients with a generous timeout (a cold JVM on a loaded CI machine is slow). */
  static final PlatformSource.EcsConnector PATIENT = uri -> new EcsMetadataClient(uri, Duration.ofSeconds(10));

  /** Fails the test if the fingerprint ever opens the task metadata endpoint. */
  static final PlatformSource.EcsConnector REFUSE_ECS = uri -> {
    throw new AssertionError("the ECS endpoint must not be contacted here, but was asked for " + uri);
  };

  static Host collect(String tree, Map<String, String> env, PlatformSource.EcsConnector ecs) {
    Map<String, String> all = new HashMap<>(Fixtures.NO_IMDS);
    all.putAll(env);
    return Fingerprinter.collect(Fixtures.roots(tree), all, Fixtures.REFUSE, ecs);
  }

  @Test
  void fargateTaskIsAskedForTaskThenContainerAndRecordedWithItsSize() throws Exception {
    try (EcsMetadataStub stub = EcsMetadataStub.of("fargate")) {
      Host h = collect("container-c6g", Map.of(EcsMetadataClient.ENDPOINT_ENV, stub.endpoint()), PATIENT);
      Platform p = h.platform();
      assertThat(p.kind()).isEqualTo(Platform.Kind.ECS_TASK);
      assertThat(p.region()).isEqualTo("us-east-1");
      assertThat(p.ecsTask().onFargate()).isTrue();
      assertThat(p.ecsTask().task()).isEqualTo(new Platform.Resources(1.0, 2048L));
      assertThat(p.ecsTask().availabilityZone()).isEqualTo("us-east-1b");
      assertThat(stub.requests()).containsExactly("GET " + URI.create(stub.endpoint()).getPath() + "/task",
          "GET " + URI.create(stub.endpoint()).getPath());
      // The record says what was paid for: the task size on this architecture.
      assertThat(p.sizeKey(h.arch())).isEqualTo("fargate-arm64-1vcpu-2gb");
      // And it survives the record's JSON unchanged.
      assertThat(Json.mapper().readValue(Json.write(h), Host.class).platform()).isEqualTo(p);
    }
  }

  @Test
  void ecsOnEc2KeepsTheInstanceTypeFromImds() throws Exception {
    try (EcsMetadataStub ecs = EcsMetadataStub.of("ec2"); ImdsStub imds = new ImdsStub(ImdsStub.c7gSpot())) {
      Host h = Fingerprinter.collect(Fixtures.roots("c7g.xlarge"),
          Map.of(ImdsClient.ENDPOINT_ENV, imds.endpoint(), EcsMetadataClient.ENDPOINT_ENV, ecs.endpoint()),
          ImdsPathTest.PATIENT, PATIENT);
      assertThat(h.cloud().instanceType()).isEqualTo("c7g.xlarge");
      assertThat(h.platform().kind()).isEqualTo(Platform.Kind.ECS_TASK);
      assertThat(h.platform().ecsTask().launchType()).isEqualTo("EC2");
      assertThat(h.platform().ecsTask().container()).isEqualTo(new Platform.Resources(2.0, 4096L));
      assertThat(h.platform().sizeKey(h.arch())).as("priced as its EC2 instance").isNull();
    }
  }

  @Test
  void withoutTheVariableTheEndpointIsNeverContacted() {
    List<URI> asked = new ArrayList<>();
    PlatformSource.EcsConnector counting = uri -> {
      asked.add(uri);
      return REFUSE_ECS.apply(uri);
    };
    Host laptop = collect("laptop", Map.of(), counting);
    Host ec2 = collect("c7i.xlarge", Map.of("ECS_CONTAINER_METADATA_URI", "http://169.254.170.2/v3/x"), counting);
    assertThat(asked).isEmpty();
    assertThat(laptop.platform()).isEqualTo(Platform.HOST);
    assertThat(ec2.platform()).as("DMI says EC2, nothing else is detected").isEqualTo(Platform.EC2_INSTANCE);
  }

  @Test
  void anEndpointThatDoesNotAnswerATaskIsNotClaimed() throws Exception {
    try (EcsMetadataStub stub = new EcsMetadataStub("{\"Cluster\":\"default\"}", "{}")) {
      Host h = collect("laptop", Map.of(EcsMetadataClient.ENDPOINT_ENV, stub.endpoint() + "/elsewhere"), PATIENT);
      assertThat(h.platform()).isEqualTo(Platform.HOST);
      assertThat(stub.requests()).hasSize(1); // the task, answered 404; the container is not asked
    }
    Host refused = collect("laptop", Map.of(EcsMetadataClient.ENDPOINT_ENV, "http://127.0.0.1:1/v4/x"), PATIENT);
    assertThat(refused.platform()).isEqualTo(Platform.HOST);
  }

  @Test
  void lambdaWinsAndKubernetesIsAPod() {
    Host lambda = collect("container-c6g", Map.of("AWS_LAMBDA_FUNCTION_NAME", "bench", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "3008", "AWS_REGION", "us-east-1", EcsMetadataClient.ENDPOINT_ENV, "http://127.0.0.1:1/v4/x"), REFUSE_ECS);
    assertThat(lambda.platform().kind()).isEqualTo(Platform.Kind.LAMBDA_FUNCTION);
    assertThat(lambda.platform().sizeKey(lambda.arch())).isEqualTo("lambda-arm64-3008mb");
    Host pod = collect("container-c6g", Map.of("KUBERNETES_SERVICE_HOST", "10.100.0.1", "POD_NAME", "bench-0",
        "POD_NAMESPACE", "perf", "NODE_NAME", "ip-10-0-3-4.ec2.internal"), REFUSE_ECS);
    assertThat(pod.platform().kind()).isEqualTo(Platform.Kind.KUBERNETES_POD);
    assertThat(pod.platform().kubernetesPod().name()).isEqualTo("bench-0");
    assertThat(pod.platform().kubernetesPod().node()).isEqualTo("ip-10-0-3-4.ec2.internal");
    assertThat(pod.container()).as("the pod's limits stay in host.container").isNotNull();
  }
}
