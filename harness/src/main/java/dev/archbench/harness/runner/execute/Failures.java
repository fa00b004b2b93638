package dev.archbench.harness.runner.execute;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one line a failed benchmark records: the innermost real error, not JMH's wrappers. */
public final class Failures {
  /** How a failure by {@link OutOfMemoryError} begins, in words, wherever the error was thrown. */
  public static final String OUT_OF_MEMORY = "out of memory";
  private static final String OOM_CLASS = OutOfMemoryError.class.getName();

  private Failures() {}

  public static String firstLine(Throwable t) {
    Throwable best = t;
    List<Throwable> seen = new ArrayList<>();
    Throwable cur = t;
    while (cur != null && !seen.contains(cur)) {
      seen.add(cur);
      if (!isWrapper(cur)) {
        best = cur;
      }
      Throwable next = cur.getCause();
      if (next == null && cur.getSuppressed().length > 0) {
        next = cur.getSuppressed()[0];
      }
      cur = next;
    }
    String msg = best.getMessage();
    String text = best.getClass().getName().startsWith("org.openjdk.jmh") && msg != null
        ? msg : best.getClass().getName() + (msg == null ? "" : ": " + msg);
    String line = firstLineOf(text);
    return best instanceof OutOfMemoryError ? outOfMemory(line) : line;
  }

  /**
   * The first {@link OutOfMemoryError} a child printed, as a failure line: a JVM that ran out of
   * memory may print it anywhere (the benchmark's failure, a thread that died) and then end in any way.
   */
  public static Optional<String> outOfMemoryIn(String output) {
    return output.lines().filter(l -> l.contains(OOM_CLASS)).findFirst()
        .map(l -> outOfMemory(firstLineOf(l.substring(l.indexOf(OOM_CLASS)))));
  }

  private static String outOfMemory(String line) {
    return OUT_OF_MEMORY + " (" + line + ")";
  }

  static String firstLineOf(String text) {
    String line = text.strip().lines().findFirst().orElse("unknown error");
    return line.length() > 500 ? line.substring(0, 500) + "..." : line;
  }

  private static boolean isWrapper(Throwable t) {
    String n = t.getClass().getName();
    return n.equals("org.openjdk.jmh.runner.RunnerException")
        || n.equals("org.openjdk.jmh.runner.BenchmarkException")
        || (n.equals("java.lang.reflect.InvocationTargetException"));
  }
}
