package dev.archbench.harness.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One child JVM of a run (a user's JMH, a scenario) from start to end: its output pumped into the
 * run's log, and it and its descendants killed when the run is stopped or the fork's deadline has
 * passed. The pump keeps reading when the log cannot be written (a full disk), because a child whose
 * pipe is full blocks and never exits.
 */
final class ChildProcess {
  /** How much of the end of the output is kept for the failure line. */
  private static final int TAIL_BYTES = 64 * 1024;
  private static final long POLL_MILLIS = 200;

  /**
   * How a child ended.
   *
   * @param exit its exit status (128 + signal number when killed)
   * @param tail the end of its output
   * @param overDeadline whether it was killed at its deadline
   */
  record Ended(int exit, String tail, boolean overDeadline) {
    /** The exit in words: a code, or the signal that killed it. */
    String describeExit() {
      return ChildProcess.describeExit(exit);
    }
  }

  private ChildProcess() {}

  /**
   * Runs {@code cmd} until it exits, {@code stopped} says so, or {@code deadline} (a
   * {@code nanoTime} value) has passed.
   */
  static Ended run(List<String> cmd, OutputStream log, long deadline, LongSupplier nanoTime, BooleanSupplier stopped)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    Tail tail = new Tail();
    Thread pump = new Thread(() -> pump(p.getInputStream(), tail, log), "archbench-child-output");
    pump.setDaemon(true);
    pump.start();
    boolean over = false;
    try {
      while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        boolean late = nanoTime.getAsLong() - deadline > 0;
        if (late || stopped.getAsBoolean()) {
          over |= late;
          killTree(p);
        }
      }
    } finally {
      if (p.isAlive()) {
        killTree(p); // interrupted while waiting: the child must not outlive this call
      }
    }
    pump.join(5000);
    return new Ended(p.exitValue(), tail.text(), over);
  }

  /** The child's descendants first (a user's JMH forks its own JVMs, which are not ours to wait for). */
  private static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private static void pump(InputStream in, Tail tail, OutputStream log) {
    byte[] buf = new byte[8192];
    try {
      for (int n; (n = in.read(buf)) > 0; ) {
        tail.add(buf, n);
        try {
          synchronized (log) {
            log.write(buf, 0, n);
            log.flush();
          }
        } catch (IOException e) {
          // The log cannot take it (a full disk): keep draining, the tail still has the end.
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /** An exit status in words; the JVM reports a death by signal N as 128 + N. */
  static String describeExit(int exit) {
    if (exit > 128 && exit < 128 + 32) {
      int signal = exit - 128;
      String name = switch (signal) {
        case 1 -> "SIGHUP";
        case 2 -> "SIGINT";
        case 6 -> "SIGABRT";
        case 9 -> "SIGKILL";
        case 11 -> "SIGSEGV";
        case 15 -> "SIGTERM";
        default -> "signal " + signal;
      };
      return "killed by " + name + " (exit code " + exit + ")";
    }
    return "exit code " + exit;
  }

  /** The last {@link #TAIL_BYTES} of the output. */
  private static final class Tail {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    synchronized void add(byte[] b, int n) {
      bytes.write(b, 0, n);
      if (bytes.size() > 2 * TAIL_BYTES) {
        byte[] all = bytes.toByteArray();
        bytes.reset();
        bytes.write(all, all.length - TAIL_BYTES, TAIL_BYTES);
      }
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}
