package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.BenchmarkResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A live status line on a terminal, redrawn every second with {@code \r}: benchmark i of N, its
 * name, elapsed time of the run and the ETA from the plan's estimates. Finished benchmarks scroll
 * above it as permanent lines.
 */
public final class TtyProgress implements Progress {
  /** Seeds the interval as the report does for this host. */
  private final String hostKey;
  public static final String CLEAR = "\r\033[K";
  private final PrintWriter out;
  private final List<PlanItem> plan;
  private final LongSupplier nanoTime;
  private final long runStart;
  private final ScheduledExecutorService ticker;
  private final java.util.function.DoubleSupplier eta;
  private int index;
  private long itemStart;

  /** @param animate redraw every second (off in tests that render lines directly) */
  public TtyProgress(PrintWriter out, List<PlanItem> plan, String hostKey, LongSupplier nanoTime, boolean animate) {
    this(out, plan, hostKey, nanoTime, animate, null);
  }

  /** @param eta seconds the run still expects to take, or null for the plan's estimates */
  public TtyProgress(PrintWriter out, List<PlanItem> plan, String hostKey, LongSupplier nanoTime, boolean animate,
      java.util.function.DoubleSupplier eta) {
    this.eta = eta;
    this.hostKey = hostKey;
    this.out = out;
    this.plan = plan;
    this.nanoTime = nanoTime;
    this.runStart = nanoTime.getAsLong();
    if (animate) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archbench-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    } else {
      ticker = null;
    }
  }

  /** The live line for the current state. */
  public synchronized String line() {
    if (index == 0) {
      return "";
    }
    long now = nanoTime.getAsLong();
    double elapsed = (now - runStart) / 1e9;
    double eta = this.eta != null ? this.eta.getAsDouble() : Progress.remaining(plan, index, (now - itemStart) / 1e9);
    return "[" + index + "/" + plan.size() + "] " + plan.get(index - 1).key()
        + "  elapsed " + Progress.duration(elapsed) + "  ETA " + Progress.duration(eta);
  }

  @Override
  public synchronized void started(int i, PlanItem item) {
    index = i;
    itemStart = nanoTime.getAsLong();
    redraw();
  }

  @Override
  public synchronized void ended(int i, PlanItem item, BenchmarkResult result, boolean kept) {
    out.print(CLEAR + "[" + i + "/" + plan.size() + "] " + Progress.outcome(result, hostKey)
        + (kept ? " (kept from the resumed run)" : "") + "\n");
    out.flush();
  }

  @Override
  public synchronized void note(String line) {
    out.print(CLEAR + line + "\n");
    out.flush();
    redraw();
  }

  synchronized void redraw() {
    String l = line();
    if (!l.isEmpty()) {
      out.print(CLEAR + l);
      out.flush();
    }
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    out.print(CLEAR);
    out.flush();
  }
}
