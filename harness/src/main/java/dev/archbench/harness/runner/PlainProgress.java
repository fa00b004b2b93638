package dev.archbench.harness.runner;

import dev.archbench.record.Status;
import dev.archbench.record.BenchmarkResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongSupplier;

/** One line per benchmark start and end (CI logs, pipes); with {@code quiet}, failures only. */
public final class PlainProgress implements Progress {
  /** Seeds the interval as the report does for this host. */
  private final String hostKey;
  private final PrintWriter out;
  private final List<PlanItem> plan;
  private final boolean quiet;
  private final LongSupplier nanoTime;
  private long startedAt;

  public PlainProgress(PrintWriter out, List<PlanItem> plan, String hostKey, boolean quiet, LongSupplier nanoTime) {
    this.hostKey = hostKey;
    this.out = out;
    this.plan = plan;
    this.quiet = quiet;
    this.nanoTime = nanoTime;
  }

  @Override
  public void started(int index, PlanItem item) {
    startedAt = nanoTime.getAsLong();
    if (!quiet && !item.isSkipped()) {
      out.println(prefix(index) + "start " + item.key() + " (about " + Progress.duration(item.estimatedSeconds())
          + ", run ETA " + Progress.duration(Progress.remaining(plan, index, 0)) + ")");
      out.flush();
    }
  }

  @Override
  public void ended(int index, PlanItem item, BenchmarkResult result, boolean kept) {
    if (quiet && !Status.FAILED.equals(result.status())) {
      return;
    }
    String took = kept ? " (kept from the resumed run)"
        : item.isSkipped() ? "" : " (" + Progress.duration((nanoTime.getAsLong() - startedAt) / 1e9) + ")";
    out.println(prefix(index) + Progress.outcome(result, hostKey) + took);
    out.flush();
  }

  @Override
  public void note(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public void close() {
    out.flush();
  }

  private String prefix(int index) {
    return "[" + index + "/" + plan.size() + "] ";
  }
}
