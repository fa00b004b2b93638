package dev.archbench.harness.runner;

import dev.archbench.harness.runner.measure.SteadyState;
import dev.archbench.harness.runner.measure.WarmupPlan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.ForkRun;
import dev.archbench.record.ForkRun.Steadiness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fork classifier on series shaped like the ones the issue reported (AES-GCM's 14x climb,
 * Jackson's late jump) and on noise, including the noise this 2-vCPU machine really shows.
 */
class SteadyStateTest {

  private static List<Double> noisy(double level, double sd, int n, long seed) {
    Random r = new Random(seed);
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(level * (1 + sd * r.nextGaussian()));
    }
    return out;
  }

  private static List<Double> concat(List<Double> a, List<Double> b) {
    List<Double> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  @Test
  void noiseAloneIsFlat() {
    for (long seed = 1; seed <= 200; seed++) {
      ForkRun r = SteadyState.classify(noisy(100_000, 0.01, 15, seed), null, 0.5, true);
      assertThat(r.steadiness()).as("seed %d", seed).isEqualTo(Steadiness.FLAT);
      assertThat(r.warmupIterations()).isZero();
    }
  }

  @Test
  void noisierMachinesStayFlatInAtLeast95PercentOfForks() {
    int flat = 0;
    for (long seed = 1; seed <= 400; seed++) {
      if (SteadyState.classify(noisy(50, 0.08, 12, seed), null, 1, true).steadiness() != Steadiness.NO_STEADY_STATE) {
        flat++;
      }
    }
    assertThat(flat).isGreaterThanOrEqualTo(380);
  }

  @Test
  void aesGcmClimbingFourteenFoldIsWarmUpUntilItLevels() {
    List<Double> climb = List.of(17_000.0, 40_000.0, 95_000.0, 180_000.0, 236_000.0);
    List<Double> series = concat(climb, noisy(247_000, 0.01, 10, 3));
    ForkRun r = SteadyState.classify(series, null, 0.5, true);
    assertThat(r.steadiness()).isEqualTo(Steadiness.WARMUP);
    assertThat(r.warmupIterations()).as("the climb, and at most one steady value with it").isBetween(4, 6);
    assertThat(r.steadyIterations()).allSatisfy(v -> assertThat(v).isGreaterThan(200_000));
  }

  @Test
  void aForkStillClimbingWhenItEndsHasNoSteadyState() {
    List<Double> series = List.of(17_000.0, 20_000.0, 27_000.0, 25_000.0, 58_000.0, 114_000.0);
    ForkRun r = SteadyState.classify(series, null, 0.4, true);
    assertThat(r.steadiness()).isEqualTo(Steadiness.NO_STEADY_STATE);
    assertThat(r.steadyIterations()).isEmpty();
    assertThat(r.warmupIterations()).isEqualTo(series.size());
  }

  @Test
  void timesFallingAreWarmUpAndTimesRisingAreSlowdown() {
    List<Double> fast = noisy(10, 0.01, 8, 5);
    List<Double> slow = noisy(14, 0.01, 8, 6);
    assertThat(SteadyState.classify(concat(slow, fast), null, 1, false).steadiness()).isEqualTo(Steadiness.WARMUP);
    assertThat(SteadyState.classify(concat(fast, slow), null, 1, false).steadiness()).isEqualTo(Steadiness.SLOWDOWN);
    assertThat(SteadyState.classify(concat(fast, slow), null, 1, true).steadiness()).isEqualTo(Steadiness.WARMUP);
  }

  @Test
  void aShiftSmallerThanTheMachinesNoiseIsNotAChange() {
    List<Double> series = concat(noisy(100, 0.003, 8, 8), noisy(101.2, 0.003, 8, 9));
    assertThat(SteadyState.classify(series, null, 1, true).steadiness()).isEqualTo(Steadiness.FLAT);
  }

  @Test
  void theJitStillCompilingDelaysTheSteadyState() {
    List<Double> flat = noisy(100, 0.005, 12, 10);
    List<Double> jit = new ArrayList<>(Collections.nCopies(12, 0.0));
    jit.set(0, 300.0);
    jit.set(3, 80.0); // 16% of a 0.5 s iteration: busy
    jit.set(6, 20.0); // 4%: quiet enough
    ForkRun r = SteadyState.classify(flat, jit, 0.5, true);
    assertThat(r.warmupIterations()).isEqualTo(4);
    assertThat(r.steadiness()).isEqualTo(Steadiness.FLAT);
    assertThat(r.jitTotalMillis()).isEqualTo(400.0);
    jit.set(10, 100.0);
    assertThat(SteadyState.classify(flat, jit, 0.5, true).steadiness()).as("compiling near the end")
        .isEqualTo(Steadiness.NO_STEADY_STATE);
  }

  @Test
  void seriesTooShortToTellAreUncheckedAndKept() {
    ForkRun r = SteadyState.classify(List.of(1.0, 5.0, 5.0), null, 1, true);
    assertThat(r.steadiness()).isEqualTo(Steadiness.UNCHECKED);
    assertThat(r.steadyIterations()).containsExactly(1.0, 5.0, 5.0);
  }

  @Test
  void warmUpPlansDoubleAfterAnUnsteadyForkAndFollowTheSlowestSteadyOne() {
    ForkRun steady = new ForkRun(Steadiness.WARMUP, 4, 1, noisy(1, 0.01, 10, 1), null);
    ForkRun unsteady = new ForkRun(Steadiness.NO_STEADY_STATE, 10, 1, noisy(1, 0.01, 10, 1), null);
    assertThat(WarmupPlan.next(List.of(unsteady), 6, 30)).isEqualTo(12);
    assertThat(WarmupPlan.next(List.of(unsteady), 20, 30)).isEqualTo(30);
    assertThat(WarmupPlan.next(List.of(unsteady, steady), 12, 30)).isEqualTo(6);
    assertThat(WarmupPlan.next(List.of(), 6, 30)).isEqualTo(6);
    assertThat(WarmupPlan.next(List.of(steady, unsteady), 12, 30)).isEqualTo(24);
    ForkRun knee = new ForkRun(Steadiness.UNCHECKED, 0, 1, List.of(90_000.0), null);
    assertThat(WarmupPlan.next(List.of(knee, knee), 6, 30)).as("one value per fork teaches nothing").isEqualTo(6);
  }
}
