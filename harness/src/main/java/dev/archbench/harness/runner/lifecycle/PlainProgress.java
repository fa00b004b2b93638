package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.runner.plan.PlanItem;
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
  private final java.util.function.DoubleSupplier eta;
  private long startedAt;

  public PlainProgress(PrintWriter out, List<PlanItem> plan, String hostKey, boolean quiet, LongSupplier nanoTime) {
    this(out, plan, hostKey, quiet, nanoTime, null);
  }

  /** @param eta seconds the run still expects to take, or null for the plan's estimates */
  public PlainProgress(PrintWriter out, List<PlanItem> plan, String hostKey, boolean quiet, LongSupplier nanoTime,
      java.util.function.DoubleSupplier eta) {
    this.eta = eta;
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
      double left = eta != null ? eta.getAsDouble() : Progress.remaining(plan, index, 0);
      out.println(prefix(index) + "start " + item.key() + " (run ETA " + Progress.duration(left) + ")");
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
