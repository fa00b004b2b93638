package dev.archbench.harness.runner.lifecycle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A request to stop the run (SIGINT, SIGTERM, a spot interruption notice, a file that cannot be written). The first request wins;
 * it kills the benchmark in flight: every descendant process of this JVM (JMH's forks, a scenario
 * JVM), again and again until the runner has finished writing, because JMH may be starting the
 * next fork at that moment.
 */
public final class Interruption {
  /** Why the run stopped (the CLI turns it into an exit code: {@code cli/AfterRun}). */
  public enum Reason {
    SIGINT("interrupted (SIGINT)"),
    SIGTERM("terminated (SIGTERM)"),
    SPOT("EC2 spot interruption notice"),
    /** A file of the run could not be written (a full disk, an I/O error): the run failed. */
    CANNOT_WRITE("stopped: a file of the run cannot be written");

    public final String text;

    Reason(String text) {
      this.text = text;
    }
  }

  private static final Duration GRACE = Duration.ofSeconds(2);
  private final AtomicReference<Reason> reason = new AtomicReference<>();
  private volatile String detail;
  private volatile boolean settled;

  /** Asks the run to stop; later requests are ignored. */
  public void request(Reason why, String details) {
    if (reason.compareAndSet(null, why)) {
      detail = details;
      Thread killer = new Thread(this::killDescendants, "archbench-interrupt");
      killer.setDaemon(true);
      killer.start();
    }
  }

  public boolean requested() {
    return reason.get() != null;
  }

  public Reason reason() {
    return reason.get();
  }

  /** The reason in words, with details such as the spot notice. */
  public String describe() {
    Reason r = reason.get();
    return r == null ? "" : r.text + (detail == null || detail.isBlank() ? "" : ": " + detail);
  }

  /** The runner has stopped its benchmark loop: stop killing (the upload hook may run now). */
  public void settle() {
    settled = true;
  }

  private void killDescendants() {
    long start = System.nanoTime();
    while (!settled) {
      boolean forcibly = System.nanoTime() - start > GRACE.toNanos();
      ProcessHandle.current().descendants().forEach(p -> {
        if (forcibly) {
          p.destroyForcibly();
        } else {
          p.destroy();
        }
      });
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
