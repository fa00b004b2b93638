package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.InterruptHook;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code --on-interrupt} command: its environment, its exit, and a log that cannot take its output. */
class InterruptHookTest {
  @TempDir Path dir;

  @Test
  void theCommandSeesTheRunAndItsExitIsReported() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    String outcome = InterruptHook.run("echo \"$ARCHBENCH_RUN_ID $ARCHBENCH_INTERRUPT $ARCHBENCH_RECORD\"; exit 3",
        new RunFiles(dir, "run-1"), Interruption.Reason.SPOT, log);
    assertThat(outcome).isEqualTo("on-interrupt command failed with exit code 3");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("run-1 spot " + new RunFiles(dir, "run-1").record().toAbsolutePath());
  }

  @Test
  void aChattyCommandEndsWhenTheLogCannotBeWritten() {
    // After a full disk the log refuses every write; the command's megabyte of output must still be
    // drained, or the command blocks on a full pipe until its timeout.
    OutputStream full = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }
    };
    String outcome = InterruptHook.run("head -c 1000000 /dev/zero", new RunFiles(dir, "run-1"),
        Interruption.Reason.CANNOT_WRITE, full);
    assertThat(outcome).isEqualTo("on-interrupt command done");
  }
}
