package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.UserJmhMethod;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands the selection into plan items: for each selected benchmark that the parameter grid includes,
 * every combination of its parameter values (the grid's values, overridden by {@code --jmh -p}, plus
 * JMH {@code @Param} defaults for the rest, so every item pins all parameters, though only the
 * declared and overridden ones name it) and every thread
 * count ({@code --threads} for benchmarks that scale with threads; otherwise their {@code @Threads}
 * default, 1, or for scenarios the CPU count).
 */
public final class Planner {
  private final JmhIndex jmh;

  public Planner(JmhIndex jmh) {
    this.jmh = jmh;
  }

  /**
   * @param threads the resolved {@code --threads} list, or empty for defaults
   * @param paramOverrides parameter values given with {@code --jmh "-p name=v1,v2"}
   * @param ctx the host and options the workloads list their benchmarks for and judge them by
   */
  public List<PlanItem> plan(List<Workload> workloads, Selection selection, ParamGrid grid,
      List<Integer> threads, Map<String, List<String>> paramOverrides, ProfileSettings settings,
      WorkloadContext ctx) {
    List<PlanItem> items = new ArrayList<>();
    for (Workload w : workloads) {
      for (BenchmarkSpec spec : w.benchmarks(ctx)) {
        if (!spec.includedIn(grid) || !selection.matches(w.id(), spec.name())) {
          continue;
        }
        String skip = spec.unavailableReason(ctx).orElse(null);
        String mode;
        double estimate;
        if (spec.execution() instanceof JmhMethod m) {
          mode = jmh.mode(m.method()).orElse(null);
        } else if (spec.execution() instanceof UserJmhMethod u) {
          mode = u.mode();
        } else {
          mode = "scenario";
        }
        estimate = settings.estimatedSeconds();
        Set<String> identity = identityKeys(spec, paramOverrides);
        for (Map<String, String> params : combinations(paramsOf(spec, grid, paramOverrides))) {
          Map<String, String> own = new TreeMap<>(params);
          own.keySet().retainAll(identity);
          Map<String, String> defaults = new TreeMap<>(params);
          defaults.keySet().removeAll(identity);
          for (int t : threadsOf(spec, threads, ctx.cpus())) {
            items.add(new PlanItem(w.id(), spec, own, defaults, t, mode, skip == null ? estimate : 0, skip));
          }
        }
      }
    }
    return items;
  }

  /** Parameters that identify a benchmark: those its spec declares in any grid, and the user's. */
  private static Set<String> identityKeys(BenchmarkSpec spec, Map<String, List<String>> overrides) {
    Set<String> keys = new java.util.TreeSet<>();
    spec.params().values().forEach(m -> keys.addAll(m.keySet()));
    keys.addAll(overrides.keySet());
    return keys;
  }

  private Map<String, List<String>> paramsOf(BenchmarkSpec spec, ParamGrid grid,
      Map<String, List<String>> overrides) {
    Map<String, List<String>> values = new TreeMap<>();
    if (spec.execution() instanceof JmhMethod m) {
      values.putAll(jmh.defaultParams(m.method()));
    }
    values.putAll(spec.paramsFor(grid));
    overrides.forEach((k, v) -> {
      if (values.containsKey(k)) {
        values.put(k, v);
      }
    });
    return values;
  }

  private List<Integer> threadsOf(BenchmarkSpec spec, List<Integer> requested, int cpus) {
    if (spec.scalesWithThreads() && !requested.isEmpty()) {
      return requested;
    }
    if (spec.execution() instanceof JmhMethod m) {
      return List.of(jmh.defaultThreads(m.method(), cpus).orElse(1));
    }
    if (spec.execution() instanceof UserJmhMethod u) {
      return List.of(u.threads() == org.openjdk.jmh.annotations.Threads.MAX ? cpus : Math.max(1, u.threads()));
    }
    return List.of(cpus);
  }

  /** The cartesian product, in key order; one empty map when there are no parameters. */
  static List<Map<String, String>> combinations(Map<String, List<String>> values) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (var e : values.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }
}
