package dev.archbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Precision.StopReason;
import org.junit.jupiter.api.Test;

/** The stopping rule that the runner applies and the dry run simulates. */
class StoppingRuleTest {
  private final StoppingRule rule = new StoppingRule(0.02, 3, 8);

  @Test
  void aBenchmarkStopsAtItsTargetOnlyOnceItRanItsMinimumForks() {
    assertThat(rule.afterFork(2, 0.001)).as("below the minimum, even a narrow interval goes on").isNull();
    assertThat(rule.afterFork(3, 0.02)).isEqualTo(StopReason.TARGET_MET);
    assertThat(rule.afterFork(3, 0.021)).isNull();
    assertThat(rule.afterFork(8, 0.02)).as("the target wins over the cap").isEqualTo(StopReason.TARGET_MET);
    assertThat(rule.afterFork(8, 0.5)).isEqualTo(StopReason.BENCHMARK_CAP);
    assertThat(rule.afterFork(5, Double.NaN)).as("no interval yet: not met").isNull();
    assertThat(rule.afterFork(8, Double.NaN)).isEqualTo(StopReason.BENCHMARK_CAP);
  }

  @Test
  void withoutATargetForksGoOnToTheCap() {
    StoppingRule none = new StoppingRule(null, 3, 8);
    assertThat(none.afterFork(3, 0.0)).isNull();
    assertThat(none.afterFork(7, 0.0)).isNull();
    assertThat(none.afterFork(8, 0.0)).isEqualTo(StopReason.BENCHMARK_CAP);
    assertThat(new StoppingRule(null, 1, 1).afterFork(1, Double.NaN)).isEqualTo(StopReason.BENCHMARK_CAP);
  }

  @Test
  void theFirstForkAlwaysRunsAndNoLaterOneEndsAfterTheBudget() {
    assertThat(rule.beforeFork(0, 700, 600)).as("every benchmark gets a result").isNull();
    assertThat(rule.beforeFork(1, 700, 600)).isEqualTo(StopReason.BUDGET);
    assertThat(rule.beforeFork(1, 600, 600)).as("ending exactly at the budget fits").isNull();
    assertThat(rule.beforeFork(2, 599.5, 600)).isNull();
  }
}
