package dev.archbench.harness.runner.execute;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * One child process of a run (a user's JMH, a scenario, the {@code --on-interrupt} command) from start
 * to end: its output pumped into the run's log, and it and its descendants killed when the run is
 * stopped or the child's deadline has passed ({@link #await}, which archbench's own JMH forks are
 * held to as well). The pump keeps reading when the log cannot be written (a full disk), because a
 * child whose pipe is full blocks and never exits.
 */
public final class ChildProcess {
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
  public record Ended(int exit, String tail, boolean overDeadline) {
    /** The exit in words: a code, or the signal that killed it. */
    public String describeExit() {
      return ChildProcess.describeExit(exit);
    }
  }

  private ChildProcess() {}

  /**
   * Runs {@code cmd} until it exits, {@code stopped} says so, or {@code deadline} (a
   * {@code nanoTime} value) has passed.
   */
  public static Ended run(List<String> cmd, OutputStream log, long deadline, LongSupplier nanoTime, BooleanSupplier stopped)
      throws IOException, InterruptedException {
    return run(cmd, Map.of(), log, deadline, nanoTime, stopped);
  }

  /** As {@link #run(List, OutputStream, long, LongSupplier, BooleanSupplier)}, with {@code env} added to the child's. */
  public static Ended run(List<String> cmd, Map<String, String> env, OutputStream log, long deadline, LongSupplier nanoTime,
      BooleanSupplier stopped) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    Tail tail = new Tail();
    Thread pump = new Thread(() -> pump(p.getInputStream(), tail, log), "archbench-child-output");
    pump.setDaemon(true);
    pump.start();
    boolean over = await(new Watched() {
      @Override
      public boolean awaitEnd(long millis) throws InterruptedException {
        return p.waitFor(millis, TimeUnit.MILLISECONDS);
      }

      @Override
      public void kill() {
        killTree(p.toHandle());
      }
    }, deadline, nanoTime, stopped);
    pump.join(5000);
    return new Ended(p.exitValue(), tail.text(), over);
  }

  /**
   * What {@link #await} waits for: a child process, or JMH's runner with the JVM it forked (which JMH
   * starts, not we).
   */
  interface Watched {
    /** Waits up to {@code millis}; true once it has ended. */
    boolean awaitEnd(long millis) throws InterruptedException;

    /** Kills it with whatever it started; {@link #awaitEnd} then soon returns true. */
    void kill();
  }

  /**
   * Waits until {@code w} has ended, killing it once {@code deadline} (a {@code nanoTime} value) has
   * passed or {@code stopped} says so; the one deadline every child of a run is held to. Returns
   * whether it was killed at the deadline.
   */
  static boolean await(Watched w, long deadline, LongSupplier nanoTime, BooleanSupplier stopped)
      throws InterruptedException {
    boolean over = false;
    boolean ended = false;
    try {
      while (!(ended = w.awaitEnd(POLL_MILLIS))) {
        boolean late = nanoTime.getAsLong() - deadline > 0;
        if (late || stopped.getAsBoolean()) {
          over |= late;
          w.kill();
        }
      }
    } finally {
      if (!ended) {
        w.kill(); // interrupted while waiting: the child must not outlive this call
      }
    }
    return over;
  }

  /** The child's descendants first (a user's JMH forks its own JVMs, which are not ours to wait for). */
  static void killTree(ProcessHandle p) {
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
  public static String describeExit(int exit) {
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
