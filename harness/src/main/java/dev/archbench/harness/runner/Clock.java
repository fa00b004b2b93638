package dev.archbench.harness.runner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as the record writes them: UTC ISO-8601, millisecond precision. */
final class Clock {
  private Clock() {}

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
