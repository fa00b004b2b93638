package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.Analysis.KneeCell;
import dev.archbench.reports.Analysis.LatencyCell;
import dev.archbench.record.Percentile;
import dev.archbench.reports.price.Csv;
import dev.archbench.stats.Estimate;
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
      "usd_per_million_at_knee", "knee_found", "latency_p50_ms", "latency_p99_ms", "latency_p99_9_ms",
      "latency_source", "precision_target", "precision_half_width", "stop_reasons", "missed_target_records",
      "unsteady_forks", "notes");

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
        f.add(Csv.field(c.status().id()));
        f.add(Csv.field(c.reason()));
        f.add(Csv.field(r.unit()));
        f.add(Boolean.toString(r.higherIsBetter()));
        f.add(Integer.toString(c.sample().records()));
        f.add(Integer.toString(c.sample().forks()));
        f.add(Integer.toString(c.sample().iterations()));
        est(f, c.score());
        est(f, Views.ratio(c));
        f.add(Csv.field(c.relative() == null ? null : c.relative().verdict().text()));
        f.add(Fmt.plain(h.usdPerHour()));
        f.add(Boolean.toString(h.priceCompared()));
        f.add(Csv.field(String.join("; ", h.noisy())));
        f.add(Csv.field(r.workUnit()));
        est(f, c.rates().workPerSecond());
        f.add(Csv.field(r.perDollarUnit()));
        est(f, c.rates().workPerDollar());
        f.add(Csv.field(r.costUnit()));
        est(f, c.rates().costPerMillion());
        f.add(c.rates().perVcpu() == null ? "" : Fmt.plain(c.rates().perVcpu().value()));
        f.add(c.rates().perPhysicalCore() == null ? "" : Fmt.plain(c.rates().perPhysicalCore().value()));
        KneeCell k = c.knee();
        est(f, k == null ? null : k.rate());
        f.add(Csv.field(k == null ? null : k.unit()));
        f.add(k == null ? "" : Fmt.plain(k.boundMs()));
        f.add(k == null || k.costPerMillion() == null ? "" : Fmt.plain(k.costPerMillion().value()));
        f.add(Csv.field(k == null ? null : k.found().id()));
        LatencyCell l = c.latency();
        for (Percentile p : List.of(Percentile.P50, Percentile.P99, Percentile.P99_9)) {
          f.add(l == null ? "" : Fmt.plain(l.percentilesMs().get(p)));
        }
        f.add(Csv.field(l == null ? null : l.source()));
        Analysis.PrecisionCell pc = c.sample().precision();
        f.add(pc == null || pc.target() == null ? "" : Fmt.plain(pc.target()));
        f.add(pc == null || pc.halfWidth() == null ? "" : Fmt.plain(pc.halfWidth()));
        f.add(Csv.field(pc == null ? null : String.join(";", pc.stopReasons())));
        f.add(pc == null ? "" : Integer.toString(pc.missed()));
        f.add(pc == null ? "" : Integer.toString(pc.unsteadyForks()));
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
