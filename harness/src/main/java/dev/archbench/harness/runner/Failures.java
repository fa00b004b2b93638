package dev.archbench.harness.runner;

import java.util.ArrayList;
import java.util.List;

/** The one line a failed benchmark records: the innermost real error, not JMH's wrappers. */
final class Failures {
  private Failures() {}

  static String firstLine(Throwable t) {
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
    return firstLineOf(text);
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
