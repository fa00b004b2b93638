package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.Decision.Line;
import dev.archbench.stats.IntervalScope;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The decision's last section: what the comparison does not cover, one line per kind of gap. */
final class DecisionGaps {
  private DecisionGaps() {}

  /**
   * Noisy, unpriced, one-record and one-fork hosts, and problems with the input: one line per kind
   * of gap, naming the hosts it applies to.
   */
  static List<Line> of(Analysis a) {
    List<String> noisyOut = new ArrayList<>();
    List<String> noisyIn = new ArrayList<>();
    List<String> unpriced = new ArrayList<>();
    List<String> severalRecords = new ArrayList<>();
    List<String> oneRecord = new ArrayList<>();
    List<String> thinIntervals = new ArrayList<>();
    for (HostSummary h : a.hosts()) {
      if (!h.noisy().isEmpty()) {
        (h.priceCompared() ? noisyIn : noisyOut).add(h.key() + " (" + String.join(", ", h.noisy()) + ")");
      }
      if (h.usdPerHour() == null && a.hosts().size() >= 2) {
        unpriced.add(h.key() + (h.unpriced() == null ? "" : " (" + h.unpriced() + ")"));
      }
      Map<IntervalScope, Integer> scopes = scopes(a, h.key());
      int cells = scopes.values().stream().mapToInt(Integer::intValue).sum();
      if (h.runIds().size() > 1) {
        severalRecords.add(h.key() + " (" + h.runIds().size() + ")");
      } else if (cells > 0) {
        oneRecord.add(h.key());
      }
      int thin = scopes.get(IntervalScope.ITERATIONS) + scopes.get(IntervalScope.NONE);
      if (thin > 0) {
        thinIntervals.add(h.key() + " (" + thin + " of " + cells + ")");
      }
    }
    List<Line> lines = new ArrayList<>();
    add(lines, "Left out as noisy:", noisyOut, "; --allow-noisy includes them.");
    add(lines, "Noisy, included by --allow-noisy:", noisyIn, "; indicative only.");
    add(lines, "No price, so no work per $:", unpriced, "; give one with --price LABEL=USD_PER_HOUR.");
    add(lines, "One record:", oneRecord, "; their intervals cannot include instance-to-instance or run-to-run variation.");
    add(lines, "One fork or a single value:", thinIntervals, " benchmarks; those intervals cover iteration noise at most.");
    int missed = 0;
    for (BenchmarkRow r : a.benchmarks()) {
      for (Cell c : r.cells()) {
        missed += c.sample().precision() != null && c.sample().precision().missed() > 0 ? 1 : 0;
      }
    }
    if (missed > 0) {
      lines.add(Line.of("Short of the precision target:", missed + (missed == 1 ? " result stopped" : " results stopped")
          + " before their interval reached the precision the run asked for (the budget or the fork cap came first);"
          + " their intervals are wider than asked, and the details mark them."));
    }
    add(lines, "Several records:", severalRecords, "; their intervals include the variation between records (instance to "
        + "instance, or run to run), and each benchmark's details show the per-record range.");
    if (!a.problems().isEmpty()) {
      lines.add(Line.of("Input:", a.problems().size() + (a.problems().size() == 1 ? " problem" : " problems")
          + " with the records (listed at the end); the rest is reported."));
    }
    return lines;
  }

  private static void add(List<Line> lines, String lead, List<String> hosts, String tail) {
    if (!hosts.isEmpty()) {
      lines.add(Line.of(lead, String.join(", ", hosts) + tail));
    }
  }

  private static Map<IntervalScope, Integer> scopes(Analysis a, String host) {
    Map<IntervalScope, Integer> n = new EnumMap<>(IntervalScope.class);
    for (IntervalScope s : IntervalScope.values()) {
      n.put(s, 0);
    }
    for (BenchmarkRow r : a.benchmarks()) {
      for (Cell c : r.cells()) {
        if (c.host().equals(host) && c.score() != null) {
          n.merge(c.sample().scope(), 1, Integer::sum);
        }
      }
    }
    return n;
  }
}
