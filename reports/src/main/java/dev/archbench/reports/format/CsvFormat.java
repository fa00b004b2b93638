package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.price.Csv;
import dev.archbench.reports.stats.Estimate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One row per benchmark × host, every figure with its interval bounds; plain numbers, dot decimals. */
final class CsvFormat implements ReportFormat {
  static final List<String> COLUMNS = List.of("workload", "benchmark", "params", "threads", "host",
      "instance_type", "arch", "status", "reason", "unit", "higher_is_better", "records", "forks",
      "iterations", "score", "score_lower", "score_upper", "relative", "relative_lower",
      "relative_upper", "relative_verdict", "usd_per_hour", "price_compared", "noisy", "work_unit",
      "work_per_second", "work_per_second_lower", "work_per_second_upper", "per_dollar_unit",
      "work_per_dollar", "work_per_dollar_lower", "work_per_dollar_upper", "cost_unit",
      "cost_per_million", "cost_per_million_lower", "cost_per_million_upper", "per_vcpu",
      "per_physical_core", "knee", "knee_lower", "knee_upper", "knee_unit", "knee_target_ms",
      "usd_per_million_at_knee", "notes");

  @Override
  public String render(Analysis a) {
    Map<String, HostSummary> hosts = a.hosts().stream()
        .collect(Collectors.toMap(HostSummary::key, Function.identity()));
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", COLUMNS)).append('\n');
    for (BenchmarkRow r : a.benchmarks()) {
      for (Cell c : r.cells()) {
        HostSummary h = hosts.get(c.host());
        List<String> f = new ArrayList<>();
        f.add(Csv.field(r.workload()));
        f.add(Csv.field(r.benchmark()));
        f.add(Csv.field(r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"))));
        f.add(Integer.toString(r.threads()));
        f.add(Csv.field(c.host()));
        f.add(Csv.field(h.instanceType()));
        f.add(Csv.field(h.arch()));
        f.add(Csv.field(c.status()));
        f.add(Csv.field(c.reason()));
        f.add(Csv.field(r.unit()));
        f.add(Boolean.toString(r.higherIsBetter()));
        f.add(Integer.toString(c.records()));
        f.add(Integer.toString(c.forks()));
        f.add(Integer.toString(c.iterations()));
        est(f, c.score());
        est(f, c.relative());
        f.add(Csv.field(c.relativeVerdict()));
        f.add(Fmt.plain(h.usdPerHour()));
        f.add(Boolean.toString(h.priceCompared()));
        f.add(Csv.field(String.join("; ", h.noisy())));
        f.add(Csv.field(r.workUnit()));
        est(f, c.workPerSecond());
        f.add(Csv.field(r.perDollarUnit()));
        est(f, c.workPerDollar());
        f.add(Csv.field(r.costUnit()));
        est(f, c.costPerMillion());
        f.add(c.perVcpu() == null ? "" : Fmt.plain(c.perVcpu().value()));
        f.add(c.perPhysicalCore() == null ? "" : Fmt.plain(c.perPhysicalCore().value()));
        est(f, c.knee());
        f.add(Csv.field(c.kneeUnit()));
        f.add(Fmt.plain(c.kneeTargetMs()));
        f.add(c.costPerMillionAtKnee() == null ? "" : Fmt.plain(c.costPerMillionAtKnee().value()));
        f.add(Csv.field(String.join("; ", c.notes())));
        sb.append(String.join(",", f)).append('\n');
      }
    }
    return sb.toString();
  }

  private static void est(List<String> f, Estimate e) {
    if (e == null) {
      f.add("");
      f.add("");
      f.add("");
    } else {
      f.add(Fmt.plain(e.value()));
      f.add(Fmt.plain(e.lower()));
      f.add(Fmt.plain(e.upper()));
    }
  }
}
