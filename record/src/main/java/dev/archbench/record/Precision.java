package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/**
 * How precisely a result was measured and why measuring stopped: the runner adds forks until the
 * 95% interval's half-width, relative to the score, reaches the target, the benchmark's fork cap is
 * reached, or its share of the run's time budget is spent.
 *
 * @param target the precision asked for: the 95% interval's half-width as a fraction of the score
 *     (0.05 is ±5%), or {@code null} when none was asked (the smoke profile, fixed {@code -f})
 * @param halfWidth the half-width reached, as a fraction of the score (the larger side of the
 *     interval archbench shows everywhere), or {@code null} when no interval can be computed
 * @param stopReason why no further fork ran; {@code null} while the benchmark is still in progress
 *     (an interrupted run that {@code --resume} continues)
 * @param warmup per fork, how many leading measured iterations were found not yet steady and left out
 *     of {@code rawData} (their values are in {@code warmupData})
 * @param warmupData per fork, the values of those iterations, so that nothing measured is lost
 * @param seconds wall-clock seconds this benchmark's forks took, JVM start-up included (with forks
 *     interleaved, {@code startedAt}..{@code endedAt} spans other benchmarks' forks too); what plans
 *     learn a fork's cost from
 */
public record Precision(Double target, Double halfWidth, StopReason stopReason, List<Integer> warmup,
    List<List<Double>> warmupData, Double seconds) {

  public Precision {
    warmup = warmup == null ? List.of() : List.copyOf(warmup);
    warmupData = warmupData == null ? List.of() : List.copyOf(warmupData);
  }

  /**
   * The precision of forks measured so far ({@code earlier}, null for none) with one more fork's
   * ({@code next}, null when it has none): the warm-ups of both, in fork order, under the earlier
   * target, half-width and seconds; no stop reason, as measuring goes on until the scheduler says.
   */
  public static Precision ofForks(Precision earlier, Precision next) {
    Precision a = earlier;
    Precision b = next;
    return new Precision(a == null ? null : a.target(), a == null ? null : a.halfWidth(), null,
        Lists.concat(a == null ? null : a.warmup(), b == null ? null : b.warmup()),
        Lists.concat(a == null ? null : a.warmupData(), b == null ? null : b.warmupData()),
        a == null ? null : a.seconds());
  }

  /** Why a benchmark stopped adding forks. */
  public enum StopReason {
    /** The interval reached the precision target. */
    TARGET_MET("target-met"),
    /** The benchmark ran its maximum number of forks (or the fixed count it was given). */
    BENCHMARK_CAP("benchmark-cap"),
    /** The run's time budget left no room for another fork of this benchmark. */
    BUDGET("budget"),
    /**
     * A run of variants ({@code --variant}): every variant's paired ratio to the baseline is decided,
     * its interval excluding no change or lying within the threshold ({@link VariantRun#threshold}).
     */
    DECIDED("decided");

    private final String id;

    StopReason(String id) {
      this.id = id;
    }

    @JsonValue
    public String id() {
      return id;
    }
  }

  /** Whether a target was asked and not reached (the report and {@code compare} mark such results). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean missedTarget() {
    return target != null && (halfWidth == null || halfWidth > target);
  }
}
