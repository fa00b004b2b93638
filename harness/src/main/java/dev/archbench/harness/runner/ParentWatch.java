package dev.archbench.harness.runner;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * Ties a child JVM to archbench's life, as JMH's forks are tied to their host by their link: a daemon
 * thread polls archbench's process (its pid is the first argument: asking for this JVM's parent would
 * find init when archbench died before this JVM got going) and, once it is gone (archbench killed with
 * {@code kill -9}, which runs no shutdown hook), kills this JVM's own children and halts it. Without
 * it, a user's JMH outlives archbench, keeps burning CPU and holds JMH's lock for the next run.
 *
 * <p>Used as the main class in front of another ({@code ParentWatch PID org.openjdk.jmh.Main ARGS...}
 * for the user's JMH, whose code we cannot change; {@link ScenarioMain} for a scenario). It depends on the JDK only and has no
 * nested classes: {@link #copyTo} copies this one class file onto a user jar's class path, after
 * the jar's own entries so that it shadows nothing.
 */
public final class ParentWatch {
  /** How often the parent is checked; a dead parent's children go within this time. */
  private static final long POLL_MILLIS = 500;
  /** Exit status of a child that stopped because archbench died (128 + SIGKILL, as if killed with it). */
  private static final int ORPHANED = 137;

  private ParentWatch() {}

  /** Runs {@code args[1]}'s main with the arguments after it, while process {@code args[0]} lives. */
  public static void main(String[] args) throws Throwable {
    if (args.length < 2) {
      System.err.println("usage: ParentWatch PID MAIN_CLASS [ARGS...]");
      System.exit(2);
    }
    ProcessHandle parent = ProcessHandle.of(Long.parseLong(args[0])).orElse(null);
    Thread t = new Thread(() -> watch(parent), "archbench-parent-watch");
    t.setDaemon(true);
    t.start();
    try {
      Class.forName(args[1]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The arguments that put {@code mainClass} under the watch of this (archbench's) process. */
  static java.util.List<String> prefix(String mainClass) {
    return java.util.List.of(ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass);
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
