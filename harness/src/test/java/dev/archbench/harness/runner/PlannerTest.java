package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.Planner;
import dev.archbench.harness.runner.plan.Selection;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Profile;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans against the real selftest workload and the BenchmarkList JMH generated for it. */
class PlannerTest {
  private final WorkloadCatalog catalog = WorkloadCatalog.discover();
  private final JmhIndex index = JmhIndex.load();
  private final WorkloadContext ctx = new WorkloadContext(null, Path.of("."), Map.of());
  private final ProfileSettings smoke = ProfileSettings.of(Profile.SMOKE);

  private List<String> keys(Selection sel, Profile profile, List<Integer> threads, Map<String, List<String>> over) {
    return new Planner(index).plan(sel.workloadsOf(catalog), sel, Grid.REPRESENTATIVE.paramsOf(profile), threads, over,
        ProfileSettings.of(profile), ctx).stream().map(PlanItem::key).toList();
  }

  @Test
  void jmhFindsTheSelftestBenchmarksOnTheClassPath() {
    assertThat(index.mode("dev.archbench.workloads.selftest.SelftestBenchmarks.sumLatency")).contains("sample");
    assertThat(index.defaultParams("dev.archbench.workloads.selftest.SelftestBenchmarks.sum"))
        .containsEntry("size", List.of("1000"));
  }

  /** The issue's example: ResNet-50 shares a JMH state with MiniLM's {@code seqLen}. */
  @Test
  void jmhDefaultsOfOtherParamsArePinnedForJmhButAreNotPartOfTheKey() {
    Selection sel = Selection.of(List.of("inference"), List.of("^inference/singlestream.resnet50.onnxruntime$"), List.of());
    // ResNet-50's single-stream latency is in the full grid.
    List<PlanItem> plan = new Planner(index).plan(sel.workloadsOf(catalog), sel, ParamGrid.FULL, List.of(), Map.of(),
        ProfileSettings.of(Profile.FULL), ctx);
    assertThat(plan).isNotEmpty();
    assertThat(plan.get(0).key()).contains("model=resnet50").doesNotContain("seqLen");
    assertThat(plan.get(0).jmhParams()).containsKey("seqLen").containsEntry("model", "resnet50");
  }

  @Test
  void expandsParamsPerProfileAndThreadsOnlyForScalingBenchmarks() {
    Selection sel = Selection.of(List.of("selftest"), List.of("^selftest/sum"), List.of());
    int cpus = ctx.cpus();
    assertThat(keys(sel, Profile.QUICK, List.of(1, 2), Map.of())).containsExactly(
        "selftest/sum[size=1000]@1", "selftest/sum[size=1000]@2",
        "selftest/sum[size=100000]@1", "selftest/sum[size=100000]@2",
        "selftest/sum.latency[size=1000]@1");
    assertThat(keys(sel, Profile.SMOKE, List.of(), Map.of("size", List.of("7", "8"))))
        .containsExactly("selftest/sum[size=7]@1", "selftest/sum[size=8]@1",
            "selftest/sum.latency[size=7]@1", "selftest/sum.latency[size=8]@1");
    Selection scenario = Selection.of(List.of("selftest"), List.of("scenario"), List.of());
    assertThat(keys(scenario, Profile.SMOKE, List.of(), Map.of()))
        .containsExactly("selftest/checksum.scenario[bytes=4096]@" + cpus);
  }

  @Test
  void excludesWinAndUnavailableBenchmarksAreKeptAsSkipped() {
    Selection sel = Selection.of(List.of("selftest"), List.of(), List.of("sum", "scenario"));
    List<PlanItem> plan = new Planner(index).plan(sel.workloadsOf(catalog), sel, ParamGrid.SMOKE, List.of(),
        Map.of(), smoke, ctx);
    assertThat(plan).extracting(PlanItem::key)
        .containsExactly("selftest/fails[size=1000]@1", "selftest/unavailable[size=1000]@1");
    assertThat(plan.get(1).skipReason()).contains("never available");
    assertThat(plan.get(1).estimatedSeconds()).isZero();
    assertThat(plan.get(0).estimatedSeconds()).isEqualTo(smoke.estimatedSeconds());
  }

  @Test
  void hiddenWorkloadsRunOnlyWhenNamedAndUnknownIdsAreErrors() {
    assertThat(Selection.of(List.of(), List.of(), List.of()).workloadsOf(catalog))
        .extracting(Workload::id).doesNotContain("selftest");
    assertThatThrownBy(() -> Selection.of(List.of("nope"), List.of(), List.of()).workloadsOf(catalog))
        .hasMessageStartingWith("--workloads: unknown workload 'nope' (known: ");
    assertThatThrownBy(() -> Selection.of(List.of(), List.of("("), List.of()))
        .hasMessageStartingWith("--include: '(' is not a regular expression");
  }

  @Test
  void profilesWithoutTheBenchmarkLeaveItOut() {
    BenchmarkSpec onlyFull = new BenchmarkSpec("big", "s", "m", "ops/s", true, new ScenarioClass("x.Scenario"),
        Map.of(ParamGrid.FULL, Map.of("n", List.of("1", "2"))), false, List.of(), c -> Optional.empty());
    Workload w = new Workload() {
      public String id() {
        return "w";
      }

      public String summary() {
        return "s";
      }

      public List<BenchmarkSpec> benchmarks(WorkloadContext c) {
        return List.of(onlyFull);
      }
    };
    Selection all = Selection.of(List.of(), List.of(), List.of());
    assertThat(new Planner(index).plan(List.of(w), all, ParamGrid.REPRESENTATIVE, List.of(), Map.of(), smoke, ctx)).isEmpty();
    assertThat(new Planner(index).plan(List.of(w), all, ParamGrid.FULL, List.of(4), Map.of(), smoke, ctx))
        .extracting(PlanItem::key).containsExactly("w/big[n=1]@" + ctx.cpus(), "w/big[n=2]@" + ctx.cpus());
  }
}
