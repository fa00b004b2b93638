package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param limitedBy whose limit ended the search: the server's (a valid step broke the bound) or the
 *     load generator's (the first step that did not pass was {@link Step.Invalid#GENERATOR_BOUND});
 *     null when no step ended it (every rate passed), when the generator's CPU was not measured
 *     (client and server on one host), or in records written before it was recorded
 * @param stepSeconds how long each rate was held ({@link #STEP_SECONDS}); null in records written
 *     before the step length was fixed, when it followed the profile's iteration time
 */
public record Knee(List<Double> rates, String unit, Percentile percentile, double boundMs, Found found,
    Double highestRateTried, List<List<Step>> steps,
    @JsonInclude(JsonInclude.Include.NON_NULL) LimitedBy limitedBy,
    @JsonInclude(JsonInclude.Include.NON_NULL) Double stepSeconds) {

  /**
   * How long every knee search holds each offered rate, in every profile. The knee is "the highest
   * rate whose p99 over a step stays within the bound", and a longer step is a stricter test (more
   * chances of a slow tail): with the step tied to the profile's iteration time (0.5 s at quick, 2 s
   * at standard, 6 s in a long reference) quick found knees 1.14x and 1.31x the reference's. One
   * length for all profiles makes the knee one quantity; profiles then differ only in how many forks
   * estimate it.
   */
  public static final double STEP_SECONDS = 2.0;

  public Knee {
    rates = List.copyOf(rates);
    steps = steps == null ? List.of() : steps.stream().map(List::copyOf).toList();
  }

  /** A knee whose limit is not recorded (client and server on one host, older records). */
  public Knee(List<Double> rates, String unit, Percentile percentile, double boundMs, Found found,
      Double highestRateTried, List<List<Step>> steps) {
    this(rates, unit, percentile, boundMs, found, highestRateTried, steps, null, null);
  }

  /** A knee without its steps (records written before steps were kept). */
  public Knee(List<Double> rates, String unit, Percentile percentile, double boundMs, Found found,
      Double highestRateTried) {
    this(rates, unit, percentile, boundMs, found, highestRateTried, List.of(), null, null);
  }

  /**
   * This fork's knee (or the earlier forks') with {@code other}'s. Each fork's knee is kept; the
   * search's outcome is the one that claims least when forks disagree (an upper bound over a lower
   * bound over a bracketed knee), so nothing claims more than every fork showed.
   */
  public Knee merge(Knee other) {
    Knee a = this;
    Knee b = other;
    Found found = a.found() == b.found() ? a.found()
        : a.found() == Found.UPPER_BOUND || b.found() == Found.UPPER_BOUND ? Found.UPPER_BOUND
        : a.found() == Found.LOWER_BOUND || b.found() == Found.LOWER_BOUND ? Found.LOWER_BOUND
        : a.found();
    Double highest = a.highestRateTried() == null ? b.highestRateTried()
        : b.highestRateTried() == null ? a.highestRateTried() : Math.max(a.highestRateTried(), b.highestRateTried());
    // A generator that limited any fork limits the result: the server's knee is then only a lower bound.
    LimitedBy limit = a.limitedBy() == LimitedBy.GENERATOR || b.limitedBy() == LimitedBy.GENERATOR
        ? LimitedBy.GENERATOR : a.limitedBy() != null ? a.limitedBy() : b.limitedBy();
    return new Knee(Lists.concat(a.rates(), b.rates()), a.unit(), a.percentile(), a.boundMs(), found, highest,
        Lists.concat(a.steps(), b.steps()), limit, a.stepSeconds() != null ? a.stepSeconds() : b.stepSeconds());
  }

  /**
   * One step of a search: a constant rate offered for one measured interval.
   *
   * @param offered the rate offered, in the knee's unit
   * @param achieved the rate answered over the step, in the knee's unit
   * @param p50Ms the median latency, from each request's intended start
   * @param p99Ms the 99th percentile latency, from each request's intended start
   * @param errors wrong or failed answers (a step with errors never meets the bound)
   * @param generatorCpu the load generator's CPU over the step as a share of the CPUs it may use
   *     (affinity and cgroup quota), time spent waiting for a CPU included: 1 is all of them; null
   *     when the generator shared the server's host (its CPU is then in the result's {@code cpu})
   *     and in older records
   * @param invalid why the step says nothing about the server and is not used for the knee; null
   *     for a valid step
   */
  public record Step(double offered, double achieved, double p50Ms, double p99Ms, long errors,
      @JsonInclude(JsonInclude.Include.NON_NULL) Double generatorCpu,
      @JsonInclude(JsonInclude.Include.NON_NULL) Invalid invalid) {

    /**
     * Above this share of its CPUs the generator's own scheduling delays show in the latencies it
     * measures: AWS's Graviton performance runbook keeps its load generator under 50% busy.
     */
    public static final double GENERATOR_BUSY_LIMIT = 0.5;

    /** A step measured with the load generator on the server's host (no generator CPU, always valid). */
    public Step(double offered, double achieved, double p50Ms, double p99Ms, long errors) {
      this(offered, achieved, p50Ms, p99Ms, errors, null, null);
    }

    /**
     * A step measured from another host: invalid when the generator was above
     * {@link #GENERATOR_BUSY_LIMIT} of its CPUs, or when any answer was not the expected one.
     */
    public static Step fromLoadHost(double offered, double achieved, double p50Ms, double p99Ms, long errors,
        double generatorCpu) {
      Invalid why = errors > 0 ? Invalid.ERRORS : generatorCpu > GENERATOR_BUSY_LIMIT ? Invalid.GENERATOR_BOUND : null;
      return new Step(offered, achieved, p50Ms, p99Ms, errors, generatorCpu, why);
    }

    /** Whether the step speaks for the server (not marked invalid). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean valid() {
      return invalid == null;
    }

    /** Why a step is not used for the knee. */
    public enum Invalid {
      /** The load generator was above {@link Step#GENERATOR_BUSY_LIMIT} of its CPUs: it, not the server, may have been the limit. */
      GENERATOR_BOUND("generator-bound"),
      /** Some answers were not the expected status (non-2xx) or body: the step measured failures. */
      ERRORS("errors");

      private final String id;

      Invalid(String id) {
        this.id = id;
      }

      @JsonValue
      public String id() {
        return id;
      }
    }
  }

  /** Whose limit ended a knee search. */
  public enum LimitedBy {
    /** A valid step broke the bound (or answered with errors): the knee is the server's. */
    SERVER("server"),
    /** The load generator could not drive the next step: the server's knee is at least the rate found. */
    GENERATOR("generator");

    private final String id;

    LimitedBy(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

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
      Percentile percentile, double boundMs, double stepSeconds) {
    double highest = steps.stream().mapToDouble(Step::offered).max().orElseThrow();
    List<List<Step>> search = List.of(steps);
    if (highestWithinBound.isEmpty()) {
      return new Knee(List.of(steps.get(0).offered()), unit, percentile, boundMs, Found.UPPER_BOUND, highest, search,
          limit(steps, 0), stepSeconds);
    }
    double knee = highestWithinBound.getAsDouble();
    LimitedBy limit = limit(steps, knee);
    // Only a valid step above the knee brackets it; a generator-bound one says the knee is at least this.
    Found found = knee >= highest || limit == LimitedBy.GENERATOR ? Found.LOWER_BOUND : Found.BRACKETED;
    return new Knee(List.of(knee), unit, percentile, boundMs, found, highest, search, limit, stepSeconds);
  }

  /**
   * Whose limit the lowest step above {@code knee} shows (the knee is the highest pass below the lowest
   * step that did not pass, so that step is the one); null when there is none, or when the
   * generator's CPU was not measured in this search (client and server on one host).
   */
  private static LimitedBy limit(List<Step> steps, double knee) {
    if (steps.stream().allMatch(s -> s.generatorCpu() == null && s.valid())) {
      return null;
    }
    return steps.stream()
        .filter(s -> s.offered() > knee)
        .min(java.util.Comparator.comparingDouble(Step::offered))
        .map(s -> s.invalid() == Step.Invalid.GENERATOR_BOUND ? LimitedBy.GENERATOR : LimitedBy.SERVER)
        .orElse(null);
  }
}
