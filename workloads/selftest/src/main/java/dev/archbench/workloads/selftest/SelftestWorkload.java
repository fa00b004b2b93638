package dev.archbench.workloads.selftest;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's self-test (like Renaissance's {@code dummy} benchmarks): hidden from {@code list}
 * unless {@code --all}, and run only when selected with {@code --workloads selftest}. It has one
 * benchmark of every kind the runner handles: JMH throughput and sample modes, a scenario, one that
 * always fails and one that is never available on any host.
 */
public final class SelftestWorkload implements Workload {
  static final String CLASS = SelftestBenchmarks.class.getName();

  @Override
  public String id() {
    return "selftest";
  }

  @Override
  public String summary() {
    return "The harness's own tests: tiny real computations, a scenario, a deliberate failure.";
  }

  @Override
  public boolean hidden() {
    return true;
  }

  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    Map<String, List<String>> small = Map.of("size", List.of("1000"));
    Map<ParamGrid, Map<String, List<String>>> sizes = Map.of(
        ParamGrid.SMOKE, small,
        ParamGrid.REPRESENTATIVE, Map.of("size", List.of("1000", "100000")),
        ParamGrid.FULL, Map.of("size", List.of("1000", "100000", "10000000")));
    Map<ParamGrid, Map<String, List<String>>> everywhere = Map.of(
        ParamGrid.SMOKE, small, ParamGrid.REPRESENTATIVE, small, ParamGrid.FULL, small);
    return List.of(
        new BenchmarkSpec("sum", "Sums an array of longs (proves JMH forks, params and threads).",
            "array sums per second", "ops/s", true, new JmhMethod(CLASS + ".sum"), sizes, true, List.of(), null),
        new BenchmarkSpec("sum.latency", "The same sum in sample mode (proves percentiles).",
            "time per sum", "us/op", false, new JmhMethod(CLASS + ".sumLatency"), everywhere, false,
            List.of(), null),
        new BenchmarkSpec("checksum.scenario", "CRC32 of a buffer in a loop (proves the scenario path).",
            "checksums per second", "ops/s", true, new ScenarioClass(CountingScenario.class.getName()),
            Map.of(ParamGrid.SMOKE, Map.of("bytes", List.of("4096")),
                ParamGrid.REPRESENTATIVE, Map.of("bytes", List.of("4096")),
                ParamGrid.FULL, Map.of("bytes", List.of("4096"))),
            false, List.of(), null),
        new BenchmarkSpec("fails", "Always throws (proves a failure is recorded and the run goes on).",
            "never produces a score", "ops/s", true, new JmhMethod(CLASS + ".fails"), everywhere, false,
            List.of(), null),
        new BenchmarkSpec("unavailable", "Never available (proves skipped results carry a reason).",
            "never produces a score", "ops/s", true, new JmhMethod(CLASS + ".sum"), everywhere, false,
            List.of(), anyHost -> Optional.of("selftest: never available on any host (tests skipping)")));
  }
}
