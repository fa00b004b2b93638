package dev.archbench.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code host.platform}: written and read through the type, valid against the schema, absent in old records. */
class PlatformRecordTest {
  static final Platform FARGATE = new Platform(Platform.Kind.ECS_TASK, "us-east-1",
      new Platform.EcsTask("arn:aws:ecs:us-east-1:111122223333:cluster/bench",
          "arn:aws:ecs:us-east-1:111122223333:task/bench/0f3c6a1e2b7d4c58a9e1d2f3b4c5a6d7", "bench", "3", "FARGATE",
          "us-east-1a", new Platform.Resources(0.25, 512L), new Platform.Resources(0.25, 512L)),
      null, null);
  static final Platform LAMBDA = new Platform(Platform.Kind.LAMBDA_FUNCTION, "eu-west-1", null, null,
      new Platform.LambdaFunction("bench", "$LATEST", 1769, "snap-start", "AWS_Lambda_java17"));
  static final Platform POD = new Platform(Platform.Kind.KUBERNETES_POD, null, null,
      new Platform.KubernetesPod("bench-0", "perf", "ip-10-0-1-2.ec2.internal", 0.5), null);

  @Test
  void everyKindRoundTripsAndValidates() throws Exception {
    for (Platform p : List.of(FARGATE, LAMBDA, LAMBDA.withLambdaStart(Platform.Start.COLD),
        LAMBDA.withLambdaStart(Platform.Start.WARM), POD, Platform.HOST, Platform.EC2_INSTANCE)) {
      RunRecord r = RecordFixtures.record("c7g.xlarge");
      RunRecord withPlatform = new RunRecord(r.schemaVersion(), r.host().withPlatform(p), r.run(), r.results());
      assertThat(RecordSchema.validate(withPlatform)).as(Platform.kindOf(p)).isEmpty();
      RunRecord back = RecordFiles.parse("x.json", Json.write(withPlatform));
      assertThat(back.host().platform()).isEqualTo(p);
    }
    assertThat(Json.write(LAMBDA)).contains("\"kind\" : \"lambda-function\"").doesNotContain("\"start\"");
    assertThat(Json.write(LAMBDA.withLambdaStart(Platform.Start.COLD))).contains("\"start\" : \"cold\"");
  }

  @Test
  void coldAndWarmInvocationsOfOneFunctionAreTwoHostsOfOneSize() {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    RunRecord plain = r.withHost(r.host().withPlatform(LAMBDA));
    RunRecord cold = r.withHost(r.host().withPlatform(LAMBDA.withLambdaStart(Platform.Start.COLD)));
    RunRecord warm = r.withHost(r.host().withPlatform(LAMBDA.withLambdaStart(Platform.Start.WARM)));
    String arch = r.host().arch().equals("aarch64") ? "arm64" : r.host().arch();
    assertThat(plain.hostKey()).as("written outside an invocation").isEqualTo("lambda-" + arch + "-1769mb");
    assertThat(cold.hostKey()).isEqualTo("lambda-" + arch + "-1769mb-cold");
    assertThat(warm.hostKey()).isEqualTo("lambda-" + arch + "-1769mb-warm");
    assertThat(cold.host().platform().sizeKey(cold.host().arch())).as("one price for both")
        .isEqualTo(warm.host().platform().sizeKey(warm.host().arch())).isEqualTo(plain.hostKey());
    assertThat(FARGATE.withLambdaStart(Platform.Start.COLD)).as("only a function has invocations").isSameAs(FARGATE);
  }

  @Test
  void lambdaRecordsWrittenBeforeTheStartReadWithoutOne() throws Exception {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(Json.write(
        r.withHost(r.host().withPlatform(LAMBDA.withLambdaStart(Platform.Start.WARM)))));
    ((ObjectNode) tree.get("host").get("platform").get("lambdaFunction")).remove("start");
    assertThat(RecordSchema.validate(tree)).isEmpty();
    RunRecord back = RecordFiles.parse("old.json", Json.mapper().writeValueAsString(tree));
    assertThat(back.host().platform()).isEqualTo(LAMBDA);
    assertThat(back.hostKey()).doesNotContain("cold").doesNotContain("warm");
  }

  @Test
  void oldRecordsWithoutPlatformStillReadAndKeepTheirHostKey() throws Exception {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(Json.write(r));
    ((ObjectNode) tree.get("host")).remove("platform");
    RunRecord back = RecordFiles.parse("old.json", Json.mapper().writeValueAsString(tree));
    assertThat(back.host().platform()).isNull();
    assertThat(back.hostKey()).isEqualTo("c7g.xlarge");
    assertThat(RecordSchema.validate(tree)).isEmpty();
  }

  @Test
  void sizedPlatformsNameTheirHostBySizeAndArchitecture() {
    RunRecord r = RecordFixtures.record("c6g.2xlarge");
    RunRecord fargate = new RunRecord(2, r.host().withPlatform(FARGATE), r.run(), r.results());
    assertThat(fargate.hostKey()).as("the task size wins over the instance type DMI shows")
        .isEqualTo("fargate-x86_64-0.25vcpu-0.5gb");
    RunRecord pod = new RunRecord(2, r.host().withPlatform(POD), r.run(), r.results());
    assertThat(pod.hostKey()).isEqualTo("c6g.2xlarge");
  }

  @Test
  void theSchemaRefusesAStrangePlatform() throws Exception {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    ObjectNode tree = (ObjectNode) Json.mapper().readTree(Json.write(
        new RunRecord(2, r.host().withPlatform(LAMBDA), r.run(), r.results())));
    ((ObjectNode) tree.get("host").get("platform")).put("kind", "mainframe");
    assertThat(RecordSchema.validate(tree)).isNotEmpty();
    ((ObjectNode) tree.get("host").get("platform")).put("kind", "lambda-function").put("secret", "x");
    assertThat(RecordSchema.validate(tree)).as("no property outside the schema").isNotEmpty();
    ((ObjectNode) tree.get("host").get("platform")).remove("secret");
    ((ObjectNode) tree.get("host").get("platform").get("lambdaFunction")).put("start", "lukewarm");
    assertThat(RecordSchema.validate(tree)).as("cold or warm, nothing else").isNotEmpty();
  }
}
