package dev.archbench.reports.format.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Results of one model and scenario on more than one device (the {@code device} parameter of
 * inference results: {@code cpu}, {@code neuron}, {@code gpu}), so that an accelerator instance's
 * rows stand beside the CPU rows of the same model. The scenario is the benchmark name's first part
 * ({@code singlestream}, {@code offline}, {@code server}); batch, sequence length and thread count
 * must match too.
 */
final class AcceleratorGroups {
  static final String DEVICE = "device";
  private static final List<String> SAME = List.of("model", "batch", "seqLen");

  private AcceleratorGroups() {}

  record Entry(String device, BenchmarkRow row, Cell cell) {}

  /**
   * @param perDollar whether every entry has work per $ in one unit (else throughput is compared)
   * @param unit the unit the chart compares in
   */
  record Group(String title, List<Entry> entries, boolean perDollar, String unit) {}

  static List<Group> of(Analysis a) {
    Map<String, List<BenchmarkRow>> byModel = new LinkedHashMap<>();
    for (BenchmarkRow r : a.benchmarks()) {
      if (!r.params().containsKey(DEVICE) || !r.params().containsKey("model")) {
        continue;
      }
      StringBuilder key = new StringBuilder(r.workload()).append(' ').append(scenario(r));
      for (String p : SAME) {
        if (r.params().containsKey(p)) {
          key.append(' ').append(p).append('=').append(r.params().get(p));
        }
      }
      key.append(" @").append(r.threads());
      byModel.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(r);
    }
    List<Group> out = new ArrayList<>();
    for (var e : byModel.entrySet()) {
      List<BenchmarkRow> rows = e.getValue();
      if (rows.stream().map(r -> r.params().get(DEVICE)).distinct().count() < 2) {
        continue;
      }
      List<Entry> entries = new ArrayList<>();
      for (BenchmarkRow r : rows) {
        for (Cell c : r.cells()) {
          if (c.score() != null) {
            entries.add(new Entry(r.params().get(DEVICE), r, c));
          }
        }
      }
      boolean perDollar = !entries.isEmpty() && entries.stream().allMatch(x -> x.cell().rates().workPerDollar() != null)
          && entries.stream().map(x -> x.row().perDollarUnit()).distinct().count() == 1;
      boolean perSecond = entries.stream().allMatch(x -> x.cell().rates().workPerSecond() != null)
          && entries.stream().map(x -> x.row().workUnit()).filter(Objects::nonNull).distinct().count() == 1;
      if (!perDollar && !perSecond) {
        continue;
      }
      String unit = perDollar ? entries.get(0).row().perDollarUnit() : entries.get(0).row().workUnit() + "/s";
      out.add(new Group(e.getKey(), entries, perDollar, unit));
    }
    return out;
  }

  private static String scenario(BenchmarkRow r) {
    int dot = r.benchmark().indexOf('.');
    return dot < 0 ? r.benchmark() : r.benchmark().substring(0, dot);
  }
}
