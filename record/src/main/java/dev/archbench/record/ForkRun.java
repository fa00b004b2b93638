package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * One fork (one JVM process) of a benchmark, kept whole: every iteration it ran, warm-up included,
 * the JIT compiler's time in each, and whether and where it reached a steady state (Barrett et al.,
 * "Virtual Machine Warmup Blows Hot and Cold", OOPSLA 2017). Only the steady iterations of steady
 * forks make the result's {@code rawData} and score; the rest is kept here so that nothing measured
 * is lost and a reader can see what was left out.
 *
 * @param steadiness the fork's class over its whole iteration series
 * @param warmupIterations leading iterations before the steady state (all of them when there was none)
 * @param iterationSeconds the length of one iteration; warm-up seconds are {@code warmupIterations}
 *     times this
 * @param iterations every iteration's value, in the result's unit, in the order they ran
 * @param jitMillis per iteration, milliseconds the JIT compilers spent compiling during it
 *     ({@code CompilationMXBean}); {@code null} where not measured (load scenarios)
 */
public record ForkRun(Steadiness steadiness, int warmupIterations, double iterationSeconds, List<Double> iterations,
    List<Double> jitMillis) {

  public ForkRun {
    iterations = iterations == null ? List.of() : List.copyOf(iterations);
    jitMillis = jitMillis == null ? null : List.copyOf(jitMillis);
  }

  /** A fork's class over its iteration series (Barrett et al.'s classes, plus one for series too short to tell). */
  public enum Steadiness {
    /** No change in the series beyond noise: steady from its first iteration. */
    FLAT("flat"),
    /** Slower (worse) iterations first, then a steady state: the usual JIT warm-up. */
    WARMUP("warm-up"),
    /** Faster (better) iterations first, then a worse steady state. */
    SLOWDOWN("slowdown"),
    /** The series still changed too near its end: it never became steady. */
    NO_STEADY_STATE("no-steady-state"),
    /** Too few iterations to tell (a load scenario's few steps); used as it is. */
    UNCHECKED("unchecked");

    private final String id;

    Steadiness(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

  /** Whether the fork's steady iterations may enter the score. */
  @JsonIgnore
  public boolean isSteady() {
    return steadiness != Steadiness.NO_STEADY_STATE;
  }

  /** Seconds the fork spent before its steady state. */
  @JsonIgnore
  public double warmupSeconds() {
    return warmupIterations * iterationSeconds;
  }

  /** The iterations after the warm-up: what the score is computed from (empty when not steady). */
  @JsonIgnore
  public List<Double> steadyIterations() {
    return isSteady() ? iterations.subList(Math.min(warmupIterations, iterations.size()), iterations.size()) : List.of();
  }

  /** Milliseconds the JIT compiled during the whole series; {@code null} when not measured. */
  @JsonIgnore
  public Double jitTotalMillis() {
    return jitMillis == null ? null : jitMillis.stream().mapToDouble(Double::doubleValue).sum();
  }
}
