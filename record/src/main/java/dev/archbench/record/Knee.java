package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The capacity of a load test: the highest offered rate whose latency percentile stayed within a
 * bound (the web knee search, the inference server scenario). Capacity answers
 * ({@code --target-load}) are computed from it.
 *
 * @param rates the knee of each fork, in {@code unit}
 * @param unit a work rate such as {@code req/s}
 * @param percentile the latency percentile the bound applies to (p99)
 * @param boundMs the latency bound in milliseconds
 * @param found how the search ended, which says what the number means
 * @param highestRateTried the highest rate offered, in {@code unit}
 * @param steps each fork's search, step by step in the order tried: the latency-against-load curve
 *     the knee was read from (empty in records written before steps were kept)
 */
public record Knee(List<Double> rates, String unit, Percentile percentile, double boundMs, Found found,
    Double highestRateTried, List<List<Step>> steps) {

  public Knee {
    rates = List.copyOf(rates);
    steps = steps == null ? List.of() : steps.stream().map(List::copyOf).toList();
  }

  /** A knee without its steps (records written before steps were kept). */
  public Knee(List<Double> rates, String unit, Percentile percentile, double boundMs, Found found,
      Double highestRateTried) {
    this(rates, unit, percentile, boundMs, found, highestRateTried, List.of());
  }

  /**
   * One step of a search: a constant rate offered for one measured interval.
   *
   * @param offered the rate offered, in the knee's unit
   * @param achieved the rate answered over the step, in the knee's unit
   * @param p50Ms the median latency, from each request's intended start
   * @param p99Ms the 99th percentile latency, from each request's intended start
   * @param errors wrong or failed answers (a step with errors never meets the bound)
   */
  public record Step(double offered, double achieved, double p50Ms, double p99Ms, long errors) {}

  /** How a knee search ended. */
  public enum Found {
    /** A higher rate broke the bound: the knee lies between this rate and that one. */
    BRACKETED("bracketed"),
    /** Every rate tried met the bound: the service can take at least this much; the knee is higher. */
    LOWER_BOUND("lower-bound"),
    /**
     * Not even the lowest rate tried met the bound: the knee is below this rate. The number is an
     * upper bound, not a measurement of capacity, and is never compared as one.
     */
    UPPER_BOUND("upper-bound"),
    /** Not recorded (records upgraded from version 1). */
    UNKNOWN("unknown");

    private final String id;

    Found(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

  /**
   * The knee of one fork's search, whose {@code steps} (the ladder first, ascending) found
   * {@code highestWithinBound}, or no rate within the bound: then the knee is below the first rate
   * tried, which stands as an upper bound.
   */
  public static Knee ofSearch(OptionalDouble highestWithinBound, List<Step> steps, String unit,
      Percentile percentile, double boundMs) {
    double highest = steps.stream().mapToDouble(Step::offered).max().orElseThrow();
    List<List<Step>> search = List.of(steps);
    if (highestWithinBound.isEmpty()) {
      return new Knee(List.of(steps.get(0).offered()), unit, percentile, boundMs, Found.UPPER_BOUND, highest, search);
    }
    double knee = highestWithinBound.getAsDouble();
    return new Knee(List.of(knee), unit, percentile, boundMs, knee >= highest ? Found.LOWER_BOUND : Found.BRACKETED,
        highest, search);
  }
}
