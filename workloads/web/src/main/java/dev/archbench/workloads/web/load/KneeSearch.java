package dev.archbench.workloads.web.load;

import dev.archbench.record.Knee.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Finding the knee: the highest constant request rate at which the server still answers with p99
 * latency under a target. Pure functions over measured steps, so the rules are testable apart from
 * any load.
 *
 * <p>A step passes when it had no errors, its p99 (coordinated-omission corrected) is within the
 * target, and the server kept up: at least {@value #KEEP_UP} of the intended rate was answered.
 * The knee is the highest passing rate below the lowest failing one, so a lucky pass above a
 * failure does not count. A step marked invalid ({@link Step#invalid()}: the load generator on its
 * own host was too busy, or answers were not the expected ones) never passes: the knee stays below
 * it, and the record says the generator, not the server, ended the search.
 */
public final class KneeSearch {
  public static final double KEEP_UP = 0.95;
  /** Refinement stops when failing and passing rates are closer than this share of saturation. */
  public static final double RESOLUTION = 0.05;

  private KneeSearch() {}

  /** Whether one open-loop step met the target: valid, no errors, p99 within it, and the server kept up. */
  public static boolean passes(Step s, double p99TargetMillis) {
    return s.valid() && s.errors() == 0 && s.p99Ms() <= p99TargetMillis && s.achieved() >= KEEP_UP * s.offered();
  }

  /** The rates to try, ascending: {@code fractions} of the closed-loop saturation throughput. */
  public static List<Double> ladder(double saturation, List<Double> fractions) {
    List<Double> rates = new ArrayList<>();
    for (double f : fractions) {
      if (f <= 0) {
        throw new IllegalArgumentException("ladder fractions must be positive: " + f);
      }
      rates.add(saturation * f);
    }
    rates.sort(Double::compare);
    return rates;
  }

  /** Parses {@code "0.25,0.5,1.0"}. */
  public static List<Double> parseFractions(String s) {
    List<Double> out = new ArrayList<>();
    for (String p : s.split(",")) {
      if (!p.isBlank()) {
        out.add(Double.parseDouble(p.trim()));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("empty ladder");
    }
    return out;
  }

  /** The lowest failing rate, if any step failed. */
  public static OptionalDouble lowestFailing(List<Step> steps, double p99TargetMillis) {
    return steps.stream().filter(s -> !passes(s, p99TargetMillis)).mapToDouble(Step::offered).min();
  }

  /** The knee, or empty when no step passed below the first failure. */
  public static OptionalDouble knee(List<Step> steps, double p99TargetMillis) {
    double ceiling = lowestFailing(steps, p99TargetMillis).orElse(Double.POSITIVE_INFINITY);
    return steps.stream().filter(s -> passes(s, p99TargetMillis) && s.offered() < ceiling)
        .mapToDouble(Step::offered).max();
  }

  /**
   * The next rate to try between the knee so far (or zero) and the lowest failing rate, or empty
   * when nothing failed yet or the two are within {@link #RESOLUTION} of saturation.
   */
  public static OptionalDouble nextRefinement(List<Step> steps, double p99TargetMillis, double saturation) {
    OptionalDouble fail = lowestFailing(steps, p99TargetMillis);
    if (fail.isEmpty()) {
      return OptionalDouble.empty();
    }
    double low = knee(steps, p99TargetMillis).orElse(0);
    double high = fail.getAsDouble();
    if (high - low < RESOLUTION * saturation) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((low + high) / 2);
  }
}
