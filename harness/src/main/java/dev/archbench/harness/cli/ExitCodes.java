package dev.archbench.harness.cli;

/** Exit codes of every archbench command. */
public final class ExitCodes {
  public static final int OK = 0;
  /** The command ran and failed (a benchmark failed, a file could not be read). */
  public static final int FAILURE = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** {@code compare}: a significant regression beyond the threshold. */
  public static final int REGRESSION = 3;
  /** Stopped by SIGINT (128 + 2). */
  public static final int INTERRUPTED_SIGINT = 130;
  /** Stopped by SIGTERM or a spot interruption notice (128 + 15). */
  public static final int INTERRUPTED_SIGTERM = 143;

  private ExitCodes() {}
}
