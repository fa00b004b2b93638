package dev.archbench.record;

/** A record could not be read or written. The message is one line and names the file. */
public class RecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecordException(String message) {
    super(message);
  }

  public RecordException(String message, Throwable cause) {
    super(message, cause);
  }
}
