package dev.archbench.harness.runner;

import dev.archbench.record.BenchmarkResult;
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

  /** One line describing a finished result. */
  static String outcome(BenchmarkResult r) {
    if (BenchmarkResult.OK.equals(r.status())) {
      String err = r.scoreError() == null ? "" : " ± " + number(r.scoreError());
      return "ok " + r.key() + ": " + number(r.score()) + err + " " + r.unit();
    }
    return (BenchmarkResult.FAILED.equals(r.status()) ? "FAILED " : "skipped ") + r.key() + ": " + r.reason();
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
