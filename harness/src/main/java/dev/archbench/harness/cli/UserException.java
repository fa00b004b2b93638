package dev.archbench.harness.cli;

/**
 * A failure the user can act on: printed as one line ({@code archbench: <message>}), never as a
 * stack trace, and mapped to an exit code.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserException(String message) {
    this(message, ExitCodes.FAILURE);
  }

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
