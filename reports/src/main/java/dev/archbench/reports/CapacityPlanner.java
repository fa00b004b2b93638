package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.CpuSplit;
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
      answers.add(answer(t, rows, h));
    }
    return new CapacityPlan(t.text(), t.workload(), t.selector(), t.ratePerSecond(), t.percentile(),
        t.boundMs(), answers);
  }

  private static CapacityAnswer answer(TargetLoad t, List<BenchmarkRow> rows, HostGroup host) {
    HostSummary hs = host.summary();
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
    if (k.limitedBy() == Knee.LimitedBy.GENERATOR) {
      notes.add("the load generator, not the server, ended the knee search (" + k.generatorBoundSteps()
          + " generator-bound step" + (k.generatorBoundSteps() == 1 ? "" : "s") + " left out): use a larger load host");
    }
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
    cpuBound(t, host, bestRow.key()).ifPresent(notes::add);
    if (k.boundMs() < t.boundMs()) {
      notes.add("knee measured at " + k.percentile() + "<" + num(k.boundMs()) + "ms, stricter than asked: conservative");
    }
    Double monthly = null;
    Double monthlyC = null;
    if (hs.usdPerHour() != null && hs.priceCompared()) {
      monthly = Rounding.r6(n * hs.usdPerHour() * HOURS_PER_MONTH);
      monthlyC = Rounding.r6(nc * hs.usdPerHour() * HOURS_PER_MONTH);
    } else {
      notes.add("no price: " + (hs.unpriced() != null ? hs.unpriced() : "left out of price comparisons"));
    }
    return new CapacityAnswer(hs.key(), bestRow.key(), k.rate(), k.boundMs(), k.found(), n, nc, monthly, monthlyC,
        notes.isEmpty() ? null : String.join("; ", notes));
  }

  /**
   * The service's own CPU per request ({@code cpu.serverRequestsPerCpuSecond}: a user's service with
   * {@code --target-pid}, or archbench's server), over every record of the host: how many instances the
   * rate needs if the service may use all of an instance's vCPUs. On the measured host the load
   * generator took its share of the CPU, which holds the knee down; on a serving instance it would not.
   */
  private static java.util.Optional<String> cpuBound(TargetLoad t, HostGroup host, String key) {
    List<BenchmarkResult> results = host.byKey().getOrDefault(key, List.of());
    double requests = 0;
    double cpuSeconds = 0;
    for (BenchmarkResult r : results) {
      CpuSplit c = r.cpu();
      if (r.isOk() && c != null && c.serverRequestsPerCpuSecond() != null && c.serverRequestsPerCpuSecond() > 0) {
        // Each result weighs by its rate: the mean CPU per request over equal stretches of time.
        double rate = r.score() == null ? 0 : r.score();
        requests += rate;
        cpuSeconds += rate / c.serverRequestsPerCpuSecond();
      }
    }
    Integer vcpus = host.summary().vcpus();
    if (requests <= 0 || vcpus == null || vcpus <= 0) {
      return java.util.Optional.empty();
    }
    double perCpuSecond = requests / cpuSeconds;
    double perInstance = perCpuSecond * vcpus;
    if (host.summary().loadHost() != null) {
      // Two hosts: the knee is already the server's own; its CPU per request says what headroom is left.
      return java.util.Optional.of("by the server's own CPU (load from another host, read by the server's agent): "
          + num(Rounding.r6(1000 / perCpuSecond)) + " ms per request, up to " + num(Rounding.r6(perInstance))
          + " req/s per instance with all " + vcpus + " vCPUs busy, " + count(instances(t.ratePerSecond(), perInstance))
          + " if the service scales");
    }
    return java.util.Optional.of("by CPU (" + num(Rounding.r6(1000 / perCpuSecond)) + " ms per request; all "
        + vcpus + " vCPUs serving, no load generator): up to " + num(Rounding.r6(perInstance))
        + " req/s per instance, " + count(instances(t.ratePerSecond(), perInstance)) + " if the service scales");
  }

  private static String count(int instances) {
    return instances + (instances == 1 ? " instance" : " instances");
  }

  private static String whyNot(Cell c, TargetLoad t) {
    Analysis.KneeCell k = c.knee();
    if (k.found() == Knee.Found.UPPER_BOUND && k.limitedBy() == Knee.LimitedBy.GENERATOR) {
      return "the load generator was above half of its CPUs from the lowest rate tried (" + num(k.rate().value()) + " "
          + k.unit() + "): the server's knee was not measured; use a larger or quieter load host";
    }
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
