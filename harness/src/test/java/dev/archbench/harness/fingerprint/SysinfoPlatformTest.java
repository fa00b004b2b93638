package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.fingerprint.platform.EcsMetadataClient;
import dev.archbench.harness.fingerprint.platform.EcsMetadataStub;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import dev.archbench.record.Platform;
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
 * {@code archbench sysinfo} as a real process in the environment a Fargate task or a Lambda function
 * gives it: the ECS task metadata endpoint is a real HTTP stub on loopback, Lambda is its variables.
 * The process starts with only the variables set here, so the machine running the test cannot leak in.
 */
class SysinfoPlatformTest {
  @TempDir Path tmp;

  @Test
  void underTheEcsEndpointSysinfoSaysFargateTheTaskAndItsSize() throws Exception {
    try (EcsMetadataStub stub = EcsMetadataStub.of("fargate")) {
      Map<String, String> env = Map.of(EcsMetadataClient.ENDPOINT_ENV, stub.endpoint());
      Result table = sysinfo("table", env);
      assertThat(table.exit).as(table.err).isZero();
      assertThat(table.out).contains(
          "  Kind                ECS task on Fargate\n",
          "  Task                arn:aws:ecs:us-east-1:111122223333:task/archbench/0f3c6a1e2b7d4c58a9e1d2f3b4c5a6d7\n",
          "  Definition          archbench-arm64:4\n",
          "  Task size           1 vCPU, 2 GiB\n",
          "  Zone                us-east-1b\n");
      Result json = sysinfo("json", env, "--json");
      assertThat(json.exit).as(json.err).isZero();
      Host h = Json.mapper().readValue(json.out, Host.class);
      assertThat(h.platform().kind()).isEqualTo(Platform.Kind.ECS_TASK);
      assertThat(h.platform().ecsTask().task()).isEqualTo(new Platform.Resources(1.0, 2048L));
      assertThat(h.platform().sizeKey(h.arch())).isEqualTo("fargate-arm64-1vcpu-2gb");
      assertThat(h.cpu().model()).as("the CPU the task landed on").isNotNull();
    }
  }

  @Test
  void inALambdaEnvironmentSysinfoSaysTheFunctionAndItsMemorySize() throws Exception {
    Map<String, String> env = Map.of("AWS_LAMBDA_FUNCTION_NAME", "archbench-arm64-1769",
        "AWS_LAMBDA_FUNCTION_VERSION", "$LATEST", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand", "AWS_EXECUTION_ENV", "AWS_Lambda_java17",
        "AWS_REGION", "us-east-1", "AWS_SECRET_ACCESS_KEY", "planted-lambda-secret",
        "AWS_SESSION_TOKEN", "planted-lambda-token");
    Result table = sysinfo("lambda", env);
    assertThat(table.exit).as(table.err).isZero();
    assertThat(table.out).contains("  Kind                Lambda function\n",
        "  Function            archbench-arm64-1769:$LATEST\n", "  Memory size         1769 MB\n",
        "  Initialization      on-demand\n", "  Region              us-east-1\n");
    assertThat(table.out + table.err).doesNotContain("planted");
  }

  record Result(int exit, String out, String err) {}

  private Result sysinfo(String name, Map<String, String> env, String... extra) throws Exception {
    Path tree = Fixtures.dir("container-c6g");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.archbench.harness.Main", "sysinfo", "--no-imds",
        "--sysfs", tree.resolve("sys").toString(), "--procfs", tree.resolve("proc").toString(),
        "--devfs", tree.resolve("dev").toString(), "--etc", tree.resolve("etc").toString()));
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("sysinfo finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
