package dev.archbench.reports;

import dev.archbench.record.TimeUnits;
import java.util.Locale;
import java.util.Optional;

/**
 * How a score unit turns into work per second, the basis of price-performance. Rates
 * ({@code ops/s}, {@code MB/s}, {@code req/s}, JMH's {@code ops/us}) convert directly. Times per
 * operation ({@code ns/op}, {@code ms/op}) are inverted to operations per second of the whole
 * benchmark ({@code threads / time}), because a lower time per operation is what buys more work per
 * dollar. Other units (a bare latency in {@code ms}) have no work rate and get no price-performance.
 *
 * @param work the unit of work, e.g. {@code ops}, {@code MB}, {@code requests}
 * @param factor multiply a rate by it to get work per second; for times per op, the op's time in seconds
 * @param inverted whether the score is a time per operation
 * @param bytes whether the work is data volume in MB (shown as GB per $ and $ per TB)
 */
public record ScoreUnit(String work, double factor, boolean inverted, boolean bytes) {

  /** The work rate a unit stands for, or empty when it is not a throughput or a time per op. */
  public static Optional<ScoreUnit> of(String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    String u = unit.trim();
    int slash = u.lastIndexOf('/');
    if (slash <= 0 || slash == u.length() - 1) {
      return Optional.empty();
    }
    String num = u.substring(0, slash).trim();
    String den = u.substring(slash + 1).trim();
    if (den.equals("op") || den.equals("ops")) {
      Double seconds = seconds(num);
      return seconds == null ? Optional.empty() : Optional.of(new ScoreUnit("ops", seconds, true, false));
    }
    Double perUnit = seconds(den);
    if (perUnit == null) {
      return Optional.empty();
    }
    double toPerSecond = 1.0 / perUnit;
    Double mb = megabytes(num);
    if (mb != null) {
      return Optional.of(new ScoreUnit("MB", toPerSecond * mb, false, true));
    }
    String lower = num.toLowerCase(Locale.ROOT);
    String work = switch (lower) {
      case "op", "ops", "operations" -> "ops";
      case "req", "reqs", "request", "requests" -> "requests";
      case "inference", "inferences", "inf" -> "inferences";
      default -> num;
    };
    return Optional.of(new ScoreUnit(work, toPerSecond, false, false));
  }

  /** Work per second from a score in this unit. */
  public double perSecond(double score, int threads) {
    return inverted ? Math.max(1, threads) / (score * factor) : score * factor;
  }

  /** Unit of work per dollar, e.g. "GB per $", "requests per $". */
  public String perDollarUnit() {
    return bytes ? "GB per $" : work + " per $";
  }

  /** Multiply work per dollar (in {@link #work}) by this to get {@link #perDollarUnit}. */
  public double perDollarScale() {
    return bytes ? 1e-3 : 1;
  }

  /** Unit of the cost figure: dollars per million units of work (a million MB is a TB). */
  public String costUnit() {
    return bytes ? "$ per TB" : "$ per million " + work;
  }

  private static Double seconds(String t) {
    var s = TimeUnits.seconds(t);
    return s.isPresent() ? s.getAsDouble() : null;
  }

  private static Double megabytes(String t) {
    return switch (t) {
      case "B", "bytes" -> 1e-6;
      case "KB", "kB" -> 1e-3;
      case "MB" -> 1.0;
      case "GB" -> 1e3;
      case "KiB" -> 1024 / 1e6;
      case "MiB" -> 1048576 / 1e6;
      case "GiB" -> 1073741824 / 1e6;
      default -> null;
    };
  }
}
