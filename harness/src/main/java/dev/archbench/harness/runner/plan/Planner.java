package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
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
        KindFacts kind = KindFacts.of(spec.execution(), jmh, ctx.cpus());
        double estimate = settings.estimatedSeconds();
        Set<String> identity = identityKeys(spec, paramOverrides);
        for (Map<String, String> params : combinations(paramsOf(spec, kind, grid, paramOverrides))) {
          Map<String, String> own = new TreeMap<>(params);
          own.keySet().retainAll(identity);
          Map<String, String> defaults = new TreeMap<>(params);
          defaults.keySet().removeAll(identity);
          for (int t : threadsOf(spec, kind, threads)) {
            items.add(new PlanItem(w.id(), spec, kind, own, defaults, t, skip == null ? estimate : 0, skip));
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

  private static Map<String, List<String>> paramsOf(BenchmarkSpec spec, KindFacts kind, ParamGrid grid,
      Map<String, List<String>> overrides) {
    Map<String, List<String>> values = new TreeMap<>(kind.defaultParams());
    values.putAll(spec.paramsFor(grid));
    overrides.forEach((k, v) -> {
      if (values.containsKey(k)) {
        values.put(k, v);
      }
    });
    return values;
  }

  private static List<Integer> threadsOf(BenchmarkSpec spec, KindFacts kind, List<Integer> requested) {
    if (spec.scalesWithThreads() && !requested.isEmpty()) {
      return requested;
    }
    return List.of(kind.defaultThreads());
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
