package dev.archbench.harness.runner.lifecycle;

import java.io.Console;

/** Whether the user watches a terminal (live progress) or output goes to a file or CI log. */
public final class Terminal {
  private Terminal() {}

  /**
   * True when stdin and stdout are a terminal. From JDK 22 {@link System#console()} also returns a
   * console for redirected output, so {@code Console.isTerminal()} is asked when it exists.
   */
  public static boolean isInteractive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 17 to 21: a console exists only on a terminal
    }
  }
}
