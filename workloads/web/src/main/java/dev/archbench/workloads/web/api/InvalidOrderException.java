package dev.archbench.workloads.web.api;

/** A well-formed order that breaks a business rule: the server answers 422 with this message. */
public final class InvalidOrderException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidOrderException(String message) {
    super(message, null, false, false);
  }
}
