package dev.archbench.harness.runner.execute;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Ties a child JVM to archbench's life, as JMH's forks are tied to their host by their link: a daemon
 * thread polls archbench's process (its pid is the first argument: asking for this JVM's parent would
 * find init when archbench died before this JVM got going) and, once it is gone (archbench killed with
 * {@code kill -9}, which runs no shutdown hook), kills this JVM's own children and halts it. Without
 * it, a user's JMH outlives archbench, keeps burning CPU and holds JMH's lock for the next run.
 *
 * <p>Used as the main class in front of another ({@code ParentWatch PID org.openjdk.jmh.Main ARGS...}
 * for the user's JMH, whose code we cannot change; {@link ScenarioMain} for a scenario), or as a Java
 * agent ({@code -javaagent:watch.jar=PID}, {@link #agentOption}) in a JVM whose command line JMH
 * writes: the forks of archbench's own JMH. It depends on the JDK only and has no nested classes:
 * {@link #copyTo} copies this one class file onto a user jar's class path, after the jar's own
 * entries so that it shadows nothing.
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
    startWatching(args[0]);
    try {
      Class.forName(args[1]).getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** The agent's entry: watches process {@code pid} from this JVM before its main class starts. */
  public static void premain(String pid) {
    startWatching(pid);
  }

  private static void startWatching(String pid) {
    ProcessHandle parent = ProcessHandle.of(Long.parseLong(pid.trim())).orElse(null);
    Thread t = new Thread(() -> watch(parent), "archbench-parent-watch");
    t.setDaemon(true);
    t.start();
  }

  /** The arguments that put {@code mainClass} under the watch of this (archbench's) process. */
  public static List<String> prefix(String mainClass) {
    return List.of(ParentWatch.class.getName(), Long.toString(ProcessHandle.current().pid()), mainClass);
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
  public static Path copyTo(Path root) throws IOException {
    String file = ParentWatch.class.getName().replace('.', '/') + ".class";
    Path target = root.resolve(file);
    Files.createDirectories(target.getParent());
    try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IOException(file + " is not on archbench's class path");
      }
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return root;
  }

  /**
   * Writes {@code jar}, an agent jar of this one class, and returns the JVM option that puts a JVM
   * under the watch of this (archbench's) process: for JVMs whose main class is not ours to choose.
   */
  public static String agentOption(Path jar) throws IOException {
    String file = ParentWatch.class.getName().replace('.', '/') + ".class";
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
    try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(file);
        JarOutputStream out = new JarOutputStream(
            Files.newOutputStream(jar), manifest)) {
      if (in == null) {
        throw new IOException(file + " is not on archbench's class path");
      }
      out.putNextEntry(new JarEntry(file));
      in.transferTo(out);
      out.closeEntry();
    }
    return "-javaagent:" + jar.toAbsolutePath() + "=" + ProcessHandle.current().pid();
  }
}
