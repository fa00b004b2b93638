package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.runner.execute.ChildProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The user's command run after an interrupted run's record reached disk ({@code --on-interrupt CMD}
 * or {@code ARCHBENCH_ON_INTERRUPT}), e.g. {@code aws s3 cp "$ARCHBENCH_RECORD" s3://bucket/}: on a
 * spot instance there are two minutes before the disk is gone. Runs with {@code sh -c}, with the
 * files in {@code ARCHBENCH_RECORD}, {@code ARCHBENCH_JMH_JSON}, {@code ARCHBENCH_LOG}, plus
 * {@code ARCHBENCH_RUN_ID} and {@code ARCHBENCH_INTERRUPT} ({@code sigint}, {@code sigterm},
 * {@code spot}, {@code cannot_write}); output goes to the log; at most {@value #TIMEOUT_SECONDS} s.
 */
public final class InterruptHook {
  public static final String ENV = "ARCHBENCH_ON_INTERRUPT";
  static final long TIMEOUT_SECONDS = 90;

  private InterruptHook() {}

  /**
   * Runs the hook; returns a one-line outcome for the user. Through {@link ChildProcess}: its output
   * keeps draining when the log cannot take it (the hook that follows a full disk must not block on a
   * full pipe), and it and what it started are killed at the timeout. It is not tied to archbench's
   * life: a {@code kill -9} after the record is saved should not cut an upload of it short.
   */
  public static String run(String command, RunFiles files, Interruption.Reason reason, OutputStream log) {
    Map<String, String> env = Map.of(
        "ARCHBENCH_RECORD", abs(files.record()),
        "ARCHBENCH_JMH_JSON", abs(files.jmhJson()),
        "ARCHBENCH_LOG", abs(files.log()),
        "ARCHBENCH_RUN_ID", files.runId(),
        "ARCHBENCH_INTERRUPT", reason.name().toLowerCase(Locale.ROOT));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    try {
      ChildProcess.Ended r = ChildProcess.run(List.of("sh", "-c", command), env, log, deadline, System::nanoTime,
          () -> false);
      if (r.overDeadline()) {
        return "on-interrupt command timed out after " + TIMEOUT_SECONDS + " s";
      }
      return r.exit() == 0 ? "on-interrupt command done" : "on-interrupt command failed with " + r.describeExit();
    } catch (IOException e) {
      return "on-interrupt command could not start: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "on-interrupt command interrupted";
    }
  }

  private static String abs(Path p) {
    return p.toAbsolutePath().toString();
  }
}
