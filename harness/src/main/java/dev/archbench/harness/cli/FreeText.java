package dev.archbench.harness.cli;

/**
 * Free-text options (a run's label, a report's title) end up in records, Markdown tables, HTML and
 * suggested command lines: a newline there forges lines of a report, and a label of thousands of
 * characters is repeated in every table. One check for all of them.
 */
final class FreeText {
  /** Longest label or title accepted: long enough for an instance type, region and note. */
  static final int MAX_LENGTH = 100;

  private FreeText() {}

  /** {@code value} unchanged, or IllegalArgumentException with one line naming {@code option}. */
  static String check(String option, String value) {
    if (value == null) {
      return null;
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(option + ": " + value.length() + " characters; at most " + MAX_LENGTH);
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(option + ": control character U+"
            + String.format(java.util.Locale.ROOT, "%04X", (int) value.charAt(i)) + " at position " + (i + 1)
            + " (a newline or tab is not allowed)");
      }
    }
    if (value.isBlank()) {
      throw new IllegalArgumentException(option + ": empty");
    }
    return value;
  }
}
