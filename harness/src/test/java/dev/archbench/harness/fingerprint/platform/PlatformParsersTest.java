package dev.archbench.harness.fingerprint.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.parse.CgroupLimits;
import dev.archbench.record.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The platform parsers are pure: documented answers and environments in, typed values out. */
class PlatformParsersTest {
  private static final String FARGATE_ARN =
      "arn:aws:ecs:us-east-1:111122223333:task/archbench/0f3c6a1e2b7d4c58a9e1d2f3b4c5a6d7";

  @Test
  void fargateTaskHasItsSizeZoneAndLaunchType() {
    Platform.EcsTask t = EcsTaskMetadata.parse(EcsMetadataStub.fixture("fargate-task.json"),
        EcsMetadataStub.fixture("fargate-container.json")).orElseThrow();
    assertThat(t).isEqualTo(new Platform.EcsTask("arn:aws:ecs:us-east-1:111122223333:cluster/archbench", FARGATE_ARN,
        "archbench-arm64", "4", "FARGATE", "us-east-1b", new Platform.Resources(1.0, 2048L),
        null)); // the container sets no limits of its own: CPU 2 units is the minimum, no memory
    assertThat(t.onFargate()).isTrue();
    assertThat(EcsTaskMetadata.region(t.taskArn())).isEqualTo("us-east-1");
  }

  @Test
  void ec2TaskHasContainerLimitsInVcpuAndNoTaskSize() {
    Platform.EcsTask t = EcsTaskMetadata.parse(EcsMetadataStub.fixture("ec2-task.json"),
        EcsMetadataStub.fixture("ec2-container.json")).orElseThrow();
    assertThat(t.launchType()).isEqualTo("EC2");
    assertThat(t.onFargate()).isFalse();
    assertThat(t.cluster()).isEqualTo("archbench-ec2");
    assertThat(t.family()).isEqualTo("archbench-x86");
    assertThat(t.revision()).isEqualTo("12");
    assertThat(t.task()).isNull();
    assertThat(t.container()).isEqualTo(new Platform.Resources(2.0, 4096L)); // 2048 CPU units
    assertThat(EcsTaskMetadata.region(t.taskArn())).isEqualTo("eu-west-1");
  }

  @Test
  void anAnswerWithoutTaskArnIsNoTaskAndStrangeValuesAreDropped() {
    assertThat(EcsTaskMetadata.parse("not json", null)).isEmpty();
    assertThat(EcsTaskMetadata.parse("[1,2]", null)).isEmpty();
    assertThat(EcsTaskMetadata.parse("{\"Cluster\":\"default\"}", null)).isEmpty();
    Platform.EcsTask t = EcsTaskMetadata.parse("{\"TaskARN\":\"" + FARGATE_ARN + "\",\"Family\":\"<script>\","
        + "\"Revision\":7,\"LaunchType\":\"MOON\",\"AvailabilityZone\":\"x\",\"Limits\":{\"CPU\":\"lots\",\"Memory\":-5}}",
        "{\"Limits\":{\"CPU\":512}}").orElseThrow();
    assertThat(t).isEqualTo(new Platform.EcsTask(null, FARGATE_ARN, null, null, null, null, null,
        new Platform.Resources(0.5, null)));
  }

  @Test
  void lambdaEnvironmentIsReadFromItsOwnVariablesOnly() {
    Map<String, String> env = Map.of(
        "AWS_LAMBDA_FUNCTION_NAME", "archbench-arm64-1769",
        "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand",
        "AWS_EXECUTION_ENV", "AWS_Lambda_java17",
        "AWS_REGION", "eu-central-1");
    assertThat(LambdaEnvironment.read(env)).contains(new Platform.LambdaFunction("archbench-arm64-1769", "$LATEST",
        1769, "on-demand", "AWS_Lambda_java17"));
    assertThat(LambdaEnvironment.region(env)).isEqualTo("eu-central-1");
    assertThat(LambdaEnvironment.read(Map.of())).isEmpty();
    assertThat(LambdaEnvironment.memoryMb("64")).as("below Lambda's minimum").isNull();
    assertThat(LambdaEnvironment.memoryMb("10241")).isNull();
    assertThat(LambdaEnvironment.memoryMb("lots")).isNull();
    assertThat(LambdaEnvironment.initializationType("snap-start")).isEqualTo("snap-start");
    assertThat(LambdaEnvironment.initializationType("warm")).isNull();
  }

  @Test
  void kubernetesPodFromTheDownwardApiVariables() {
    Map<String, String> env = Map.of("KUBERNETES_SERVICE_HOST", "10.100.0.1", "POD_NAME", "archbench-7d9f8-x2k4q",
        "POD_NAMESPACE", "bench", "NODE_NAME", "ip-192-168-12-34.ec2.internal", "HOSTNAME", "ignored");
    assertThat(KubernetesEnvironment.read(env, 0.5)).contains(
        new Platform.KubernetesPod("archbench-7d9f8-x2k4q", "bench", "ip-192-168-12-34.ec2.internal", 0.5));
    assertThat(KubernetesEnvironment.read(Map.of("KUBERNETES_SERVICE_HOST", "10.100.0.1", "HOSTNAME", "web-0",
        "POD_NAMESPACE", "Not_A_Label"), null))
        .contains(new Platform.KubernetesPod("web-0", null, null, null));
    assertThat(KubernetesEnvironment.read(Map.of("POD_NAME", "web-0"), null)).as("not in a pod").isEmpty();
  }

  @Test
  void cpuRequestsFromCgroupWeights() {
    assertThat(CgroupLimits.sharesRequest("512\n")).hasValue(0.5);
    assertThat(CgroupLimits.sharesRequest("2")).as("Kubernetes' no request").isEmpty();
    assertThat(CgroupLimits.sharesRequest(null)).isEmpty();
    // runc: 1 CPU (1024 shares) -> weight 39; 250m (256 shares) -> weight 10; 4 CPUs (4096 shares) -> weight 157.
    assertThat(CgroupLimits.weightRequest("39")).hasValueCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(CgroupLimits.weightRequest("10")).hasValueCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02));
    assertThat(CgroupLimits.weightRequest("157")).hasValueCloseTo(4.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(CgroupLimits.weightRequest("1")).isEmpty();
    assertThat(CgroupLimits.weightRequest("max")).isEmpty();
  }

  @Test
  void sizeKeysNameWhatIsPaidFor() {
    Platform fargate = new Platform(Platform.Kind.ECS_TASK, "us-east-1", new Platform.EcsTask(null, FARGATE_ARN, null,
        null, "FARGATE", null, new Platform.Resources(0.25, 512L), null), null, null);
    assertThat(fargate.sizeKey("aarch64")).isEqualTo("fargate-arm64-0.25vcpu-0.5gb");
    assertThat(fargate.sizeKey("x86_64")).isEqualTo("fargate-x86_64-0.25vcpu-0.5gb");
    Platform lambda = new Platform(Platform.Kind.LAMBDA_FUNCTION, "us-east-1", null, null,
        new Platform.LambdaFunction("f", "1", 1769, "on-demand", null));
    assertThat(lambda.sizeKey("aarch64")).isEqualTo("lambda-arm64-1769mb");
    Platform ecsOnEc2 = new Platform(Platform.Kind.ECS_TASK, null, new Platform.EcsTask(null, FARGATE_ARN, null, null,
        "EC2", null, new Platform.Resources(1.0, 2048L), null), null, null);
    assertThat(ecsOnEc2.sizeKey("x86_64")).as("priced as its instance").isNull();
    assertThat(Platform.HOST.sizeKey("x86_64")).isNull();
  }
}
