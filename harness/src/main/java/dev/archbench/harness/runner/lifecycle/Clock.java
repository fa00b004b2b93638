package dev.archbench.harness.runner.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the record writes them: UTC ISO-8601, millisecond precision. */
public final class Clock {
  private Clock() {}

  public static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
