package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.runner.execute.Failures;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The run's log file, which never fails its writers: a full disk must not stop an output pump (the
 * child would block on a full pipe and never exit) nor the run (the record decides whether the run can
 * go on, not its log). Bytes that cannot be written are dropped; every write tries again, so the log
 * continues once there is space. The first failure is kept for the user.
 */
public final class RunLog extends OutputStream {
  private final OutputStream file;
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  public RunLog(OutputStream file) {
    this.file = file;
  }

  @Override
  public synchronized void write(int b) {
    try {
      file.write(b);
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    try {
      file.write(b, off, len);
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public synchronized void flush() {
    try {
      file.flush();
    } catch (IOException e) {
      failed(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      file.close();
    } catch (IOException e) {
      failed(e);
    }
  }

  /** The first write that failed, in one line; null when every write went through. */
  public String firstFailure() {
    return firstFailure.get();
  }

  private void failed(IOException e) {
    firstFailure.compareAndSet(null, Failures.firstLine(e));
  }
}
