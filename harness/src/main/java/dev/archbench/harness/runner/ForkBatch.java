package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.lifecycle.RunLog;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkScheduler;
import java.io.IOException;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The forks the scheduler starts together: one, or with {@code --duet} a round of variants, each on
 * its own thread (and its own CPUs).
 */
final class ForkBatch {
  /** Each fork's outcome and seconds, in the batch's order. */
  record Ran(Outcome[] outcomes, double[] seconds) {}

  private final List<ForkScheduler.Next> batch;
  private final RunExecutors executors;
  private final ForkDeadline deadline;
  private final LongSupplier nanoTime;

  ForkBatch(List<ForkScheduler.Next> batch, RunExecutors executors, ForkDeadline deadline, LongSupplier nanoTime) {
    this.batch = batch;
    this.executors = executors;
    this.deadline = deadline;
    this.nanoTime = nanoTime;
  }

  Ran run(RunLog log, Progress progress) throws IOException {
    Outcome[] outcomes = new Outcome[batch.size()];
    double[] seconds = new double[batch.size()];
    Thread[] threads = new Thread[batch.size()];
    for (int b = 0; b < batch.size(); b++) {
      ForkScheduler.Next n = batch.get(b);
      progress.started(n.index(), n.item());
      RunLogs.line(log, "\n# archbench: " + n.item().key() + (n.variant() == null ? "" : " variant " + n.variant())
          + " fork " + n.fork() + " (warm-up " + n.plan().warmupIterations() + ", measured "
          + n.plan().measurementIterations() + " iterations)");
      int at = b;
      Runnable fork = () -> {
        String startedAt = Clock.now();
        long t0 = nanoTime.getAsLong();
        outcomes[at] = executors.run(n.variant(), n.item(), n.plan(), startedAt, deadline);
        seconds[at] = (nanoTime.getAsLong() - t0) / 1e9;
      };
      if (batch.size() == 1) {
        fork.run();
      } else {
        threads[b] = new Thread(fork, "archbench-duet-" + n.variant());
        threads[b].start();
      }
    }
    for (Thread t : threads) {
      joinUninterruptibly(t);
    }
    return new Ran(outcomes, seconds);
  }

  private static void joinUninterruptibly(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Signal handlers run on their own thread; give one a moment to record an interruption. */
  static void awaitSignalDelivery(Interruption interruption) {
    for (int i = 0; i < 5 && !interruption.requested(); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
