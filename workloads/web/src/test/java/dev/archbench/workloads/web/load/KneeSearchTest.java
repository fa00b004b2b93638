package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.record.Knee;
import dev.archbench.record.Knee.Step;
import dev.archbench.record.Percentile;
import java.util.List;
import org.junit.jupiter.api.Test;

class KneeSearchTest {
  private static final double TARGET = 10;

  @Test
  void kneeIsTheHighestPassingRateBelowTheFirstFailure() {
    List<Step> steps = List.of(
        new Step(1000, 1000, 0.5, 1, 0),
        new Step(2000, 1999, 0.5, 3, 0),
        new Step(3000, 2990, 0.5, 12, 0),   // p99 over target
        new Step(4000, 3960, 0.5, 9, 0));   // a lucky pass above a failure does not count
    assertThat(KneeSearch.knee(steps, TARGET)).hasValue(2000);
    assertThat(KneeSearch.lowestFailing(steps, TARGET)).hasValue(3000);
  }

  @Test
  void aStepThatDoesNotKeepUpFailsEvenWithLowLatency() {
    Step s = new Step(5000, 4000, 0.5, 1, 0);
    assertThat(KneeSearch.passes(s, TARGET)).isFalse();
    assertThat(KneeSearch.passes(new Step(5000, 4800, 0.5, 1, 0), TARGET)).isTrue();
    assertThat(KneeSearch.passes(new Step(5000, 5000, 0.5, 1, 3), TARGET)).isFalse();
  }

  @Test
  void aGeneratorBoundStepNeverPassesAndTheKneeIsAtLeastTheRateBelowIt() {
    List<Step> steps = List.of(
        Step.fromLoadHost(1000, 1000, 0.5, 1, 0, 0.20),
        Step.fromLoadHost(2000, 2000, 0.5, 2, 0, 0.45),
        Step.fromLoadHost(3000, 3000, 0.5, 2, 0, 0.62)); // fast, but the generator was over half busy
    assertThat(steps.get(2).invalid()).isEqualTo(Step.Invalid.GENERATOR_BOUND);
    assertThat(KneeSearch.passes(steps.get(2), TARGET)).isFalse();
    assertThat(KneeSearch.knee(steps, TARGET)).hasValue(2000);
    Knee k = Knee.ofSearch(KneeSearch.knee(steps, TARGET), steps, "req/s", Percentile.P99, TARGET, Knee.STEP_SECONDS);
    assertThat(k.limitedBy()).isEqualTo(Knee.LimitedBy.GENERATOR);
    assertThat(k.found()).as("no valid step broke the bound").isEqualTo(Knee.Found.LOWER_BOUND);
  }

  @Test
  void aValidFailureAboveTheKneeIsTheServersLimit() {
    List<Step> steps = List.of(
        Step.fromLoadHost(1000, 1000, 0.5, 1, 0, 0.10),
        Step.fromLoadHost(2000, 2000, 0.5, 25, 0, 0.30),
        Step.fromLoadHost(3000, 2500, 0.5, 90, 0, 0.70)); // generator-bound, but above the server's failure
    Knee k = Knee.ofSearch(KneeSearch.knee(steps, TARGET), steps, "req/s", Percentile.P99, TARGET, Knee.STEP_SECONDS);
    assertThat(k.rates()).containsExactly(1000.0);
    assertThat(k.limitedBy()).isEqualTo(Knee.LimitedBy.SERVER);
    assertThat(k.found()).isEqualTo(Knee.Found.BRACKETED);
  }

  @Test
  void wrongAnswersMarkAStepEvenWhenTheGeneratorWasIdle() {
    Step s = Step.fromLoadHost(1000, 990, 0.5, 1, 3, 0.05);
    assertThat(s.invalid()).isEqualTo(Step.Invalid.ERRORS);
    assertThat(KneeSearch.passes(s, TARGET)).isFalse();
    Knee k = Knee.ofSearch(KneeSearch.knee(List.of(s), TARGET), List.of(s), "req/s", Percentile.P99, TARGET, Knee.STEP_SECONDS);
    assertThat(k.found()).isEqualTo(Knee.Found.UPPER_BOUND);
    assertThat(k.limitedBy()).isEqualTo(Knee.LimitedBy.SERVER);
  }

  @Test
  void stepsOnTheServersHostRecordNoLimit() {
    List<Step> steps = List.of(new Step(1000, 1000, 0.5, 1, 0), new Step(2000, 2000, 0.5, 20, 0));
    assertThat(Knee.ofSearch(KneeSearch.knee(steps, TARGET), steps, "req/s", Percentile.P99, TARGET, Knee.STEP_SECONDS).limitedBy())
        .isNull();
  }

  @Test
  void noKneeWhenEvenTheLowestRateFails() {
    assertThat(KneeSearch.knee(List.of(new Step(100, 100, 0.5, 50, 0)), TARGET)).isEmpty();
  }

  @Test
  void refinementBisectsUntilTheResolution() {
    double saturation = 10_000;
    List<Step> steps = List.of(new Step(5000, 5000, 0.5, 2, 0), new Step(7500, 7500, 0.5, 20, 0));
    assertThat(KneeSearch.nextRefinement(steps, TARGET, saturation)).hasValue(6250);
    List<Step> close = List.of(new Step(5000, 5000, 0.5, 2, 0), new Step(5400, 5400, 0.5, 20, 0));
    assertThat(KneeSearch.nextRefinement(close, TARGET, saturation)).isEmpty();
    assertThat(KneeSearch.nextRefinement(List.of(new Step(5000, 5000, 0.5, 2, 0)), TARGET, saturation)).isEmpty();
    // Nothing passed: bisect down towards zero.
    assertThat(KneeSearch.nextRefinement(List.of(new Step(2000, 2000, 0.5, 20, 0)), TARGET, saturation)).hasValue(1000);
  }

  @Test
  void ladderIsAscendingFractionsOfSaturation() {
    assertThat(KneeSearch.ladder(8000, KneeSearch.parseFractions("1.0, 0.25,0.5")))
        .containsExactly(2000.0, 4000.0, 8000.0);
    assertThatThrownBy(() -> KneeSearch.ladder(1, List.of(0.0))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KneeSearch.parseFractions(" , ")).isInstanceOf(IllegalArgumentException.class);
  }
}
