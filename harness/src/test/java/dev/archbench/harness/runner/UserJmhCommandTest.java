package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhOptions;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.userjmh.UserJmhExecutor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Profile;
import dev.archbench.workload.UserJmhMethod;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JMH command line a user jar's plan item becomes: the contract with the jar's own JMH. */
class UserJmhCommandTest {

  @Test
  void theBudgetThreadsParamsAndResultFileAreJmhOptionsAndProfilersPassThrough() {
    ForkSettings fork = new ForkSettings(ProfileSettings.of(Profile.QUICK), JmhOptions.parse("-prof gc -tu us"), null,
        List.of("-Xmx1g", "-Dx=y"), Map.of(), Path.of(".archbench"));
    UserJmhMethod m = new UserJmhMethod("/jars/benchmarks.jar", List.of("/jars/dep.jar"), "com.acme.Bench.run", "thrpt", 0);
    BenchmarkSpec spec = new BenchmarkSpec("com.acme.Bench.run", "s", "m", "ops/time", true, m,
        Map.of(ParamGrid.REPRESENTATIVE, Map.of()), true, List.of(), null);
    PlanItem item = new PlanItem("benchmarks", spec, Map.of("size", "100"), Map.of(), 4, "thrpt", 1, null);
    ProfileSettings times = new ProfileSettings(3, 8, 9, Duration.ofMillis(1500), 9, Duration.ofSeconds(2), 0.05,
        Duration.ofMinutes(10));
    // One fork with the scheduler's iterations: archbench decides the forks and their order, and
    // classifies one series of equal iterations (no JMH warm-up), with the JIT's time per iteration.
    List<String> cmd = new UserJmhExecutor(fork, OutputStream.nullOutputStream(), s -> { }, () -> false)
        .command(item, m, new ForkPlan(3, 5), times, Path.of("/tmp/r.json"));
    int main = cmd.indexOf("org.openjdk.jmh.Main");
    assertThat(cmd.subList(cmd.indexOf("-cp"), main)).containsExactly("-cp", "/jars/benchmarks.jar:/jars/dep.jar");
    assertThat(String.join(" ", cmd.subList(main, cmd.size()))).isEqualTo("org.openjdk.jmh.Main ^\\Qcom.acme.Bench.run\\E$"
        + " -f 1 -wi 0 -i 8 -r 2000ms -t 4 -p size=100 -foe true -rf json -rff /tmp/r.json"
        + " -jvmArgsAppend -Xmx1g -Dx=y -prof gc -tu us -prof comp");
  }
}
