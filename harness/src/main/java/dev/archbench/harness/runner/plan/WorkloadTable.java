package dev.archbench.harness.runner.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.record.Json;
import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The benchmarks as {@code archbench list} shows them: a text table, JSON, or the README's
 * Markdown table (generated from the same metadata by {@code archbench readme}, so the README cannot
 * drift; CI runs {@code archbench readme --check}).
 */
public final class WorkloadTable {
  private final List<Workload> workloads;
  private final WorkloadContext ctx;

  /** @param ctx what the benchmarks are listed for; {@link WorkloadContext#none()} for what the code offers */
  public WorkloadTable(List<Workload> workloads, WorkloadContext ctx) {
    this.workloads = List.copyOf(workloads);
    this.ctx = ctx;
  }

  /**
   * One row per benchmark.
   *
   * @param grids where it runs: {@code smoke} (the smoke profile), {@code core} (quick's default
   *     grid), {@code representative} (standard and full), {@code full} ({@code --grid full})
   * @param params its parameter values per grid
   */
  public record Row(String workload, String benchmark, String summary, String unit, boolean higherIsBetter,
      String scoreMeaning, String kind, Map<String, Map<String, List<String>>> params, List<String> grids,
      boolean scalesWithThreads, boolean hidden) {}

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Workload w : workloads) {
      for (BenchmarkSpec s : w.benchmarks(ctx)) {
        Map<String, Map<String, List<String>>> params = new java.util.LinkedHashMap<>();
        List<String> grids = new ArrayList<>();
        for (ParamGrid g : ParamGrid.values()) {
          if (s.includedIn(g)) {
            if (g == ParamGrid.REPRESENTATIVE && Grid.CORE.includes(w, s) && !w.coreBenchmarks().isEmpty()) {
              grids.add("core"); // the same parameter sets: shown once, under representative
            }
            grids.add(g.id());
            params.put(g.id(), new TreeMap<>(s.paramsFor(g)));
          }
        }
        rows.add(new Row(w.id(), s.name(), s.summary(), s.unit(), s.higherIsBetter(), s.scoreMeaning(),
            s.execution().kind(), params, grids, s.scalesWithThreads(), w.hidden()));
      }
    }
    return rows;
  }

  /** Plain text for the terminal. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Workload w : workloads) {
      sb.append(w.id()).append(w.hidden() ? " (hidden)" : "").append(": ").append(w.summary()).append('\n');
      for (Row r : rows()) {
        if (!r.workload().equals(w.id())) {
          continue;
        }
        sb.append("  ").append(r.benchmark()).append("  [").append(r.unit())
            .append(r.higherIsBetter() ? ", higher is better" : ", lower is better").append("]\n");
        sb.append("      ").append(r.summary()).append('\n');
        sb.append("      grids: ").append(String.join(", ", r.grids()))
            .append(r.scalesWithThreads() ? "; scales with --threads" : "").append('\n');
        String params = paramsText(r);
        if (!params.isEmpty()) {
          sb.append("      params: ").append(params).append('\n');
        }
      }
    }
    return sb.toString();
  }

  public String json() {
    ArrayNode arr = Json.mapper().createArrayNode();
    for (Row r : rows()) {
      ObjectNode n = Json.mapper().valueToTree(r);
      arr.add(n);
    }
    return Json.write(arr);
  }

  /** The README table (its generated section {@code workloads}). */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Workload | Benchmark | What it measures | Unit | Grids | Parameters |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row r : rows()) {
      sb.append("| ").append(r.workload()).append(" | `").append(r.benchmark()).append("` | ")
          .append(cell(r.summary())).append(" | ").append(cell(r.unit()))
          .append(r.higherIsBetter() ? " (higher is better)" : " (lower is better)").append(" | ")
          .append(String.join(", ", r.grids())).append(r.scalesWithThreads() ? "; threads" : "")
          .append(" | ").append(cell(paramsText(r))).append(" |\n");
    }
    return sb.toString();
  }

  /** {@code level=1,3 (smoke: 1)}: the largest grid's values, and smaller grids where they differ. */
  static String paramsText(Row r) {
    if (r.grids().isEmpty()) {
      return "";
    }
    String last = r.grids().get(r.grids().size() - 1);
    Map<String, List<String>> widest = r.params().get(last);
    if (widest.isEmpty()) {
      return "";
    }
    String main = widest.entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
        .collect(Collectors.joining("; "));
    List<String> differing = new ArrayList<>();
    for (String p : r.grids()) {
      Map<String, List<String>> m = r.params().get(p);
      if (m != null && !m.equals(widest)) { // null: core, whose sets are representative's
        differing.add(p + ": " + m.entrySet().stream()
            .map(e -> e.getKey() + "=" + String.join(",", e.getValue())).collect(Collectors.joining("; ")));
      }
    }
    return differing.isEmpty() ? main : main + " (" + String.join("; ", differing) + ")";
  }

  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|").replace("\n", " ").strip();
  }
}
