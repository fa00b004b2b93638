package dev.archbench.harness.userjmh;

import dev.archbench.harness.userjmh.JmhListing.Listed;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.UserJmhMethod;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks of a user's JMH jar as a workload: one {@link BenchmarkSpec} per benchmark method,
 * run by its own JMH ({@link UserJmhMethod}). Every profile includes every benchmark; the
 * {@code @Param} values are the jar's defaults (all of them, as JMH would run them), except in
 * {@code smoke}, which takes the first value of each. {@code --jmh "-p name=v1,v2"} overrides them.
 * Units come from JMH's result (the jar's {@code @OutputTimeUnit}); the spec's unit only says which kind.
 */
public final class UserJmhWorkload implements Workload {
  private final UserJar jar;

  public UserJmhWorkload(UserJar jar) {
    this.jar = jar;
  }

  public UserJar jar() {
    return jar;
  }

  @Override
  public String id() {
    return jar.workloadId();
  }

  @Override
  public String summary() {
    return "JMH benchmarks of " + jar.jar().getFileName() + " (sha256 " + jar.sha256().substring(0, 12)
        + "...), run with the jar's own JMH";
  }

  @Override
  public List<BenchmarkSpec> benchmarks(WorkloadContext ctx) {
    List<String> cp = jar.classPath().stream().map(Path::toString).toList();
    List<BenchmarkSpec> out = new ArrayList<>();
    for (Listed b : jar.benchmarks()) {
      UserJar.Hint hint = jar.hint(b.name()).orElse(new UserJar.Hint(null, 0));
      boolean timeMode = hint.mode() != null && !hint.mode().equals("thrpt");
      out.add(new BenchmarkSpec(b.name(), "JMH benchmark " + b.name() + " of " + jar.jar().getFileName(),
          timeMode ? "time per operation as JMH reports it; reports invert it to operations per second"
              : "JMH's score in the benchmark's own unit",
          unitLabel(hint.mode()), !timeMode, new UserJmhMethod(jar.jar().toString(), cp, b.name(), hint.mode(),
              hint.threads()), perGrid(b.params()),
          true, List.of(), null));
    }
    return out;
  }

  /**
   * What {@code list} shows as the unit before anything ran: the result takes JMH's own unit
   * ({@code ops/s}, {@code ns/op}, ... after the jar's {@code @OutputTimeUnit}).
   */
  private static String unitLabel(String mode) {
    if (mode == null) {
      return "JMH's unit";
    }
    return mode.equals("thrpt") ? "ops/time (JMH's unit)" : "time/op (JMH's unit, " + mode + ")";
  }

  private static Map<ParamGrid, Map<String, List<String>>> perGrid(Map<String, List<String>> params) {
    Map<ParamGrid, Map<String, List<String>>> all = new LinkedHashMap<>();
    for (ParamGrid g : ParamGrid.values()) {
      all.put(g, params);
    }
    Map<String, List<String>> smoke = new LinkedHashMap<>();
    params.forEach((k, v) -> smoke.put(k, List.of(v.get(0))));
    all.put(ParamGrid.SMOKE, smoke);
    return all;
  }
}
