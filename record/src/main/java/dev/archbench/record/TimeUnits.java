package dev.archbench.record;

import java.util.OptionalDouble;

/**
 * Time-unit symbols as records spell them ({@code ms}, {@code us/op}): the one table that the JMH
 * executor (sample buffers to nanoseconds), the version-1 upgrade (summaries to milliseconds) and
 * reports (scores to work per second) read.
 */
public final class TimeUnits {
  private TimeUnits() {}

  /** Seconds in one {@code symbol} ({@code ms} is 0.001), or empty when it is not a time unit. */
  public static OptionalDouble seconds(String symbol) {
    if (symbol == null) {
      return OptionalDouble.empty();
    }
    return switch (symbol.trim()) {
      case "s", "sec", "second" -> OptionalDouble.of(1.0);
      case "ms" -> OptionalDouble.of(1e-3);
      case "us", "µs", "μs" -> OptionalDouble.of(1e-6);
      case "ns" -> OptionalDouble.of(1e-9);
      case "min" -> OptionalDouble.of(60.0);
      case "h", "hr", "hour" -> OptionalDouble.of(3600.0);
      default -> OptionalDouble.empty();
    };
  }

  /** Seconds per operation of a time-per-operation unit ({@code us/op} is 1e-6), or empty for any other unit. */
  public static OptionalDouble secondsPerOperation(String unit) {
    if (unit == null || !unit.endsWith("/op")) {
      return OptionalDouble.empty();
    }
    return seconds(unit.substring(0, unit.length() - "/op".length()));
  }
}
