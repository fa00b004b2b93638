package dev.archbench.harness.runner;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Ties a child JVM to archbench's life, as JMH's forks are tied to their host by their link: a daemon
 * thread polls the process that started this JVM and, once it is gone (archbench killed with
 * {@code kill -9}, which runs no shutdown hook), kills this JVM's own children and halts it. Without
 * it, a user's JMH outlives archbench, keeps burning CPU and holds JMH's lock for the next run.
 *
 * <p>Used as a main class in front of code we cannot change ({@code ParentWatch org.openjdk.jmh.Main
 * ARGS...}, the user's JMH) and by {@link ScenarioMain} directly. It depends on the JDK only and has no
 * nested classes: {@link #copyTo} copies this one class file onto a user jar's class path, after
 * the jar's own entries so that it shadows nothing.
 */
public final class ParentWatch {
  /** How often the parent is checked; a dead parent's children go within this time. */
  private static final long POLL_MILLIS = 500;
  /** Exit status of a child that stopped because archbench died (128 + SIGKILL, as if killed with it). */
  private static final int ORPHANED = 137;

  private ParentWatch() {}

  /** Runs {@code args[0]}'s main with the other arguments, under the watch. */
  public static void main(String[] args) throws Throwable {
    if (args.length == 0) {
      System.err.println("usage: ParentWatch MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    start();
    try {
      Class.forName(args[0]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Starts the watch on the current parent process; without a parent (already orphaned) halts at once. */
  public static void start() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    Thread t = new Thread(() -> watch(parent), "archbench-parent-watch");
    t.setDaemon(true);
    t.start();
  }

  private static void watch(ProcessHandle parent) {
    while (parent != null && parent.isAlive()) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    Runtime.getRuntime().halt(ORPHANED);
  }

  /**
   * Copies this class file under {@code root} (a class path root of its own), so that a JVM running
   * someone else's class path can use it as its main class.
   */
  static java.nio.file.Path copyTo(java.nio.file.Path root) throws java.io.IOException {
    String file = ParentWatch.class.getName().replace('.', '/') + ".class";
    java.nio.file.Path target = root.resolve(file);
    java.nio.file.Files.createDirectories(target.getParent());
    try (java.io.InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new java.io.IOException(file + " is not on archbench's class path");
      }
      java.nio.file.Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return root;
  }
}
