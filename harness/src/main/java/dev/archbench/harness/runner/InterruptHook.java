package dev.archbench.harness.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The user's command run after an interrupted run's record reached disk ({@code --on-interrupt CMD}
 * or {@code ARCHBENCH_ON_INTERRUPT}), e.g. {@code aws s3 cp "$ARCHBENCH_RECORD" s3://bucket/}: on a
 * spot instance there are two minutes before the disk is gone. Runs with {@code sh -c}, with the
 * files in {@code ARCHBENCH_RECORD}, {@code ARCHBENCH_JMH_JSON}, {@code ARCHBENCH_LOG}, plus
 * {@code ARCHBENCH_RUN_ID} and {@code ARCHBENCH_INTERRUPT} ({@code sigint}, {@code sigterm},
 * {@code spot}, {@code cannot_write}); output goes to the log; at most {@value #TIMEOUT_SECONDS} s.
 */
final class InterruptHook {
  static final String ENV = "ARCHBENCH_ON_INTERRUPT";
  static final long TIMEOUT_SECONDS = 90;

  private InterruptHook() {}

  /** Runs the hook; returns a one-line outcome for the user. */
  static String run(String command, RunFiles files, Interruption.Reason reason, OutputStream log) {
    ProcessBuilder pb = new ProcessBuilder(List.of("sh", "-c", command)).redirectErrorStream(true);
    pb.environment().put("ARCHBENCH_RECORD", abs(files.record()));
    pb.environment().put("ARCHBENCH_JMH_JSON", abs(files.jmhJson()));
    pb.environment().put("ARCHBENCH_LOG", abs(files.log()));
    pb.environment().put("ARCHBENCH_RUN_ID", files.runId());
    pb.environment().put("ARCHBENCH_INTERRUPT", reason.name().toLowerCase(java.util.Locale.ROOT));
    try {
      Process p = pb.start();
      Thread copier = new Thread(() -> {
        try {
          p.getInputStream().transferTo(log);
          log.flush();
        } catch (IOException ignored) {
          // the log is best effort for the hook's output
        }
      });
      copier.setDaemon(true);
      copier.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly); // what sh started (an upload) goes too
        p.destroyForcibly();
        return "on-interrupt command timed out after " + TIMEOUT_SECONDS + " s";
      }
      copier.join(1000);
      return p.exitValue() == 0 ? "on-interrupt command done"
          : "on-interrupt command failed with exit code " + p.exitValue();
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
