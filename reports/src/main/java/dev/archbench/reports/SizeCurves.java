package dev.archbench.reports;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.archbench.record.Host;
import dev.archbench.record.Percentile;
import dev.archbench.record.Platform;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stage after the cells: the Lambda hosts of each benchmark, per architecture and start (cold and
 * warm invocations are separate hosts, so separate curves), ordered by memory size, with the cost of
 * a million operations and the p99 each cell already holds. It computes nothing new; it arranges what
 * the cells say along the axis Lambda users tune.
 */
public final class SizeCurves {
  private SizeCurves() {}

  /**
   * Lambda functions of one architecture running one benchmark, by memory size (which sets a
   * function's CPU share and its price): what a million operations cost there, with its interval,
   * and the p99 latency there, so the report draws cost and p99 against memory size.
   *
   * @param benchmarkKey the {@link BenchmarkRow#key()} the points come from
   * @param arch the functions' architecture ({@code x86_64}, {@code aarch64})
   * @param start cold or warm invocations, each its own curve (a cold one includes a new execution
   *     environment); absent for records that do not say ({@link Platform.LambdaFunction#start})
   * @param costUnit the row's cost unit
   * @param points one per memory size, ascending
   */
  public record SizeCurve(String benchmarkKey, String arch,
      @JsonInclude(JsonInclude.Include.NON_NULL) Platform.Start start, String costUnit, List<SizePoint> points) {

    /** The curve's name in a chart's legend: the architecture, and cold or warm when known. */
    public String series() {
      return start == null ? arch : arch + ", " + start.id();
    }
  }

  /**
   * @param host the host key (e.g. {@code lambda-arm64-1769mb-warm})
   * @param costPerMillion null when the benchmark is not a work rate or the host is unpriced
   * @param p99Ms null when the benchmark recorded no latency
   */
  public record SizePoint(String host, int memoryMb, Estimate costPerMillion, Double p99Ms) {}

  /** A Lambda host's architecture, memory size and start (null when its records do not say). */
  private record Size(String arch, int memoryMb, Platform.Start start) {
    Series series() {
      return new Series(arch, start);
    }
  }

  /** One curve: an architecture's cold or warm invocations. */
  private record Series(String arch, Platform.Start start) {}

  /** By architecture, then warm (the steady state a busy function sees) before cold. */
  private static final Comparator<Series> ORDER = Comparator.comparing(Series::arch)
      .thenComparing(Series::start, Comparator.nullsFirst(Comparator.comparing(SizeCurves::rank)));

  private static int rank(Platform.Start s) {
    return s == Platform.Start.WARM ? 0 : 1;
  }

  static List<SizeCurve> of(List<HostGroup> hosts, List<BenchmarkRow> rows) {
    Map<String, Size> lambdas = new HashMap<>();
    for (HostGroup g : hosts) {
      Host h = g.records().get(0).record().host();
      Platform p = h.platform();
      if (p != null && p.kind() == Platform.Kind.LAMBDA_FUNCTION && p.lambdaFunction() != null
          && p.lambdaFunction().memoryMb() != null && h.arch() != null) {
        lambdas.put(g.key(), new Size(h.arch(), p.lambdaFunction().memoryMb(), p.lambdaFunction().start()));
      }
    }
    List<SizeCurve> out = new ArrayList<>();
    if (lambdas.isEmpty()) {
      return out;
    }
    for (BenchmarkRow r : rows) {
      TreeMap<Series, List<SizePoint>> bySeries = new TreeMap<>(ORDER);
      for (Cell c : r.cells()) {
        Size s = lambdas.get(c.host());
        if (s == null) {
          continue;
        }
        Double p99 = c.latency() == null ? null : c.latency().percentilesMs().get(Percentile.P99);
        var cost = c.rates() == null ? null : c.rates().costPerMillion();
        if (cost == null && p99 == null) {
          continue;
        }
        bySeries.computeIfAbsent(s.series(), k -> new ArrayList<>()).add(new SizePoint(c.host(), s.memoryMb(), cost, p99));
      }
      bySeries.forEach((series, points) -> {
        points.sort(Comparator.comparingInt(SizePoint::memoryMb).thenComparing(SizePoint::host));
        out.add(new SizeCurve(r.key(), series.arch(), series.start(), r.costUnit(), List.copyOf(points)));
      });
    }
    return out;
  }
}
