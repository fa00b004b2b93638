package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.Status;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision;
import dev.archbench.stats.IntervalScope;
import dev.archbench.stats.ScoreInterval;
import java.util.List;
import java.util.Locale;

/**
 * What the user sees while a run goes on. Three renderings: {@link TtyProgress} (a live line on a
 * terminal), {@link PlainProgress} (one line per benchmark start and end, for CI logs) and quiet
 * (failures only). JMH's own output is in the log, not here.
 */
public interface Progress extends AutoCloseable {

  /** How progress is shown: chosen by {@code --progress}, {@code --quiet}, and whether there is a terminal. */
  enum Mode { TTY, PLAIN, QUIET }

  void started(int index, PlanItem item);

  /** {@code kept} when the result comes from the run being resumed. */
  void ended(int index, PlanItem item, BenchmarkResult result, boolean kept);

  /** A line that must not be lost in the live display (warnings, interruption). */
  void note(String line);

  @Override
  void close();

  /**
   * One line describing a finished result. The interval is the report's (same method, same seed
   * for a record of {@code hostKey}), with what it cannot include in words.
   */
  static String outcome(BenchmarkResult r, String hostKey) {
    if (Status.OK.equals(r.status())) {
      String head = "ok " + r.key() + ": " + number(r.score()) + " " + r.unit();
      ScoreInterval si = ScoreInterval.of(r, hostKey);
      if (!si.finite()) {
        return head + " (interval not computed: the values overflow)";
      }
      if (si.scope() == IntervalScope.NONE) {
        return head + " (" + si.scope().brief() + ")" + precision(r);
      }
      return head + ", 95% interval " + number(si.estimate().lower()) + " to " + number(si.estimate().upper())
          + (si.scope().brief() == null ? "" : " (" + si.scope().brief() + ")") + precision(r);
    }
    return (Status.FAILED.equals(r.status()) ? "FAILED " : Status.UNSTEADY.equals(r.status()) ? "unsteady "
        : "skipped ") + r.key() + ": " + r.reason();
  }

  /** " [3 forks (3 steady), ±1.9% of ±2%, target-met]": how far the benchmark is, when it measures to a target. */
  static String precision(BenchmarkResult r) {
    Precision p = r.precision();
    if (p == null) {
      return "";
    }
    String reached = p.halfWidth() == null ? "no interval" : "±" + ProfileSettings.pct(p.halfWidth());
    String steady = r.steadyForks() == null ? "" : " (" + r.steadyForks() + " steady)";
    return " [" + r.forks() + (r.forks() == 1 ? " fork" : " forks") + steady + ", " + reached
        + (p.target() == null ? "" : " of ±" + ProfileSettings.pct(p.target()))
        + (p.stopReason() == null ? "" : ", " + p.stopReason().id()) + "]";
  }

  static String number(Double d) {
    if (d == null) {
      return "n/a";
    }
    double a = Math.abs(d);
    String f = a >= 100 ? "%.0f" : a >= 1 ? "%.2f" : "%.4g";
    return String.format(Locale.ROOT, f, d);
  }

  /** {@code m:ss} or {@code h:mm:ss}. */
  static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** Seconds still planned: the items after {@code index} plus what is left of the current one. */
  static double remaining(List<PlanItem> plan, int index, double elapsedInCurrent) {
    double left = Math.max(0, plan.get(index - 1).estimatedSeconds() - elapsedInCurrent);
    for (int i = index; i < plan.size(); i++) {
      left += plan.get(i).estimatedSeconds();
    }
    return left;
  }
}
