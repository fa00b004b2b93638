package dev.archbench.reports;

import dev.archbench.record.Knee;
import dev.archbench.reports.Analysis.BenchmarkRow;
import dev.archbench.reports.Analysis.CapacityAnswer;
import dev.archbench.reports.Analysis.CapacityPlan;
import dev.archbench.reports.Analysis.Cell;
import dev.archbench.reports.Analysis.HostSummary;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The last stage: {@code --target-load} answers. For each host, the best knee among the selected
 * benchmarks whose bound is at least as strict as asked; instances needed at the knee and at its
 * interval's lower bound (conservative), and their monthly cost.
 */
final class CapacityPlanner {
  static final double HOURS_PER_MONTH = 730;

  private CapacityPlanner() {}

  static CapacityPlan plan(TargetLoad t, List<BenchmarkRow> rows, Collection<HostGroup> hosts) {
    List<CapacityAnswer> answers = new ArrayList<>();
    for (HostGroup h : hosts) {
      answers.add(answer(t, rows, h.summary()));
    }
    return new CapacityPlan(t.text(), t.workload(), t.selector(), t.ratePerSecond(), t.percentile(),
        t.boundMs(), answers);
  }

  private static CapacityAnswer answer(TargetLoad t, List<BenchmarkRow> rows, HostSummary hs) {
    Cell best = null;
    BenchmarkRow bestRow = null;
    Cell other = null;
    for (BenchmarkRow r : rows) {
      if (!r.workload().equals(t.workload()) || !selects(t.selector(), r)) {
        continue;
      }
      for (Cell c : r.cells()) {
        if (!c.host().equals(hs.key()) || c.knee() == null) {
          continue;
        }
        boolean usable = c.knee().percentile().equals(t.percentile()) && c.knee().boundMs() <= t.boundMs()
            && c.knee().found() != Knee.Found.UPPER_BOUND;
        if (usable && (best == null || c.knee().rate().value() > best.knee().rate().value())) {
          best = c;
          bestRow = r;
        } else if (!usable && other == null) {
          other = c;
        }
      }
    }
    if (best == null) {
      return new CapacityAnswer(hs.key(), null, null, null, null, null, null, null, null,
          other == null ? "no knee measured for " + t.workload() + ":" + t.selector() : whyNot(other, t));
    }
    Analysis.KneeCell k = best.knee();
    double perSecond = ScoreUnit.of(k.unit()).filter(u -> !u.inverted()).map(ScoreUnit::factor).orElse(1.0);
    int n = instances(t.ratePerSecond(), k.rate().value() * perSecond);
    int nc = instances(t.ratePerSecond(), k.rate().lower() * perSecond);
    List<String> notes = new ArrayList<>();
    if (k.found() == Knee.Found.LOWER_BOUND) {
      notes.add("the knee search never reached the bound: the knee is at least " + num(k.rate().value()) + " "
          + k.unit() + ", so at most this many instances are needed");
    } else if (k.found() == Knee.Found.UNKNOWN) {
      notes.add("version-1 record: whether the search reached the bound is not recorded");
    }
    if (k.disagreement() != null) {
      notes.add(k.disagreement() + ", and the conservative figure uses its lower bound");
    }
    if (k.scope().caveat() != null) {
      notes.add("conservative figure: " + k.scope().caveat());
    }
    if (k.boundMs() < t.boundMs()) {
      notes.add("knee measured at " + k.percentile() + "<" + num(k.boundMs()) + "ms, stricter than asked: conservative");
    }
    Double monthly = null;
    Double monthlyC = null;
    if (hs.usdPerHour() != null && hs.priceCompared()) {
      monthly = Analyzer.r6(n * hs.usdPerHour() * HOURS_PER_MONTH);
      monthlyC = Analyzer.r6(nc * hs.usdPerHour() * HOURS_PER_MONTH);
    } else {
      notes.add("no price: " + (hs.unpriced() != null ? hs.unpriced() : "left out of price comparisons"));
    }
    return new CapacityAnswer(hs.key(), bestRow.key(), k.rate(), k.boundMs(), k.found(), n, nc, monthly, monthlyC,
        notes.isEmpty() ? null : String.join("; ", notes));
  }

  private static String whyNot(Cell c, TargetLoad t) {
    Analysis.KneeCell k = c.knee();
    if (k.found() == Knee.Found.UPPER_BOUND) {
      return "no rate tried met " + k.percentile() + "<" + num(k.boundMs()) + "ms: the knee is below "
          + num(k.rate().value()) + " " + k.unit() + ", so at least "
          + instances(t.ratePerSecond(), k.rate().value()) + " instances would be needed";
    }
    if (!k.percentile().equals(t.percentile())) {
      return "knees are measured at " + k.percentile() + ", not " + t.percentile();
    }
    return "knee measured at " + k.percentile() + "<" + num(k.boundMs()) + "ms, looser than the "
        + t.percentile() + "<" + num(t.boundMs()) + "ms asked (run with a matching --p99-target-ms or --latency-bound-ms)";
  }

  private static int instances(double rate, double perInstance) {
    double n = Math.ceil(rate / perInstance);
    return n > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) Math.max(1, n);
  }

  static boolean selects(String selector, BenchmarkRow r) {
    String s = selector.toLowerCase(Locale.ROOT);
    String bare = s.startsWith("/") ? s.substring(1) : s;
    String bench = r.benchmark().toLowerCase(Locale.ROOT);
    if (bench.equals(s) || bench.equals(bare)) {
      return true;
    }
    for (String v : r.params().values()) {
      String lv = v.toLowerCase(Locale.ROOT);
      if (lv.equals(s) || lv.equals(bare) || lv.equals("/" + bare)) {
        return true;
      }
    }
    return !bare.isEmpty() && bench.contains(bare);
  }

  private static String num(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
