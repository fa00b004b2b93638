package dev.archbench.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Json;
import dev.archbench.record.Platform;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RecordFixtures;
import dev.archbench.record.RecordSchema;
import dev.archbench.record.RunRecord;
import org.junit.jupiter.api.Test;

/** The handler says in the record how its invocation started; the rest of the record stays as the harness wrote it. */
class BenchmarkHandlerTest {
  private static final Platform FUNCTION = new Platform(Platform.Kind.LAMBDA_FUNCTION, "us-east-1", null, null,
      new Platform.LambdaFunction("archbench-arm64-1769", "$LATEST", 1769, "on-demand", "AWS_Lambda_java17"));

  @Test
  void aColdInvocationsRecordSaysColdAndStillValidates() {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    RunRecord written = r.withHost(r.host().withPlatform(FUNCTION));
    RunRecord cold = BenchmarkHandler.stamped(written, Platform.Start.COLD);
    assertThat(cold.host().platform().lambdaFunction().start()).isEqualTo(Platform.Start.COLD);
    assertThat(cold.hostKey()).endsWith("-1769mb-cold");
    assertThat(cold.results()).isEqualTo(written.results());
    assertThat(cold.run()).isEqualTo(written.run());
    assertThat(RecordSchema.validate(cold)).isEmpty();
    assertThat(RecordFiles.parse("cold.json", Json.write(cold)).host().platform()).isEqualTo(cold.host().platform());
    assertThat(BenchmarkHandler.stamped(written, Platform.Start.WARM).hostKey()).endsWith("-1769mb-warm");
  }

  @Test
  void aRecordWithoutAFunctionIsLeftAsItIs() {
    RunRecord r = RecordFixtures.record("c7g.xlarge");
    assertThat(BenchmarkHandler.stamped(r, Platform.Start.COLD)).isEqualTo(r);
    RunRecord ec2 = r.withHost(r.host().withPlatform(Platform.EC2_INSTANCE));
    assertThat(BenchmarkHandler.stamped(ec2, Platform.Start.COLD)).isEqualTo(ec2);
  }
}
