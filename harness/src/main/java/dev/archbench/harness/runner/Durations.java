package dev.archbench.harness.runner;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them: {@code 45m}, {@code 1h30m}, {@code 90s}, {@code 2h}. */
public final class Durations {
  private static final Pattern FORM = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /** Parses {@code text}; IllegalArgumentException naming {@code option} when it is not a duration. */
  public static Duration parse(String option, String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m = FORM.matcher(t);
    if (t.isEmpty() || !m.matches()) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not a duration such as 45m, 1h30m or 90s");
    }
    long seconds = 3600 * num(m.group(1)) + 60 * num(m.group(2)) + num(m.group(3));
    if (seconds <= 0) {
      throw new IllegalArgumentException(option + ": '" + text + "' must be longer than zero");
    }
    return Duration.ofSeconds(seconds);
  }

  private static long num(String g) {
    return g == null ? 0 : Long.parseLong(g);
  }
}
