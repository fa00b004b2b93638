package dev.archbench.harness.runner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForkOrderTest {
  private static final List<Integer> PLAN = List.of(1, 2, 3, 4, 5, 6, 7, 8);

  @Test
  void sequentialRunsTheFirstActiveOnly() {
    assertThat(ForkOrder.SEQUENTIAL.nextRound(PLAN, i -> i > 2, new Random(1))).containsExactly(3);
  }

  @Test
  void interleavedRunsEveryActiveInASeededOrder() {
    List<Integer> a = ForkOrder.INTERLEAVED.nextRound(PLAN, i -> i % 2 == 0, new Random(7));
    assertThat(a).containsExactlyInAnyOrder(2, 4, 6, 8);
    assertThat(ForkOrder.INTERLEAVED.nextRound(PLAN, i -> i % 2 == 0, new Random(7))).isEqualTo(a);
    assertThat(ForkOrder.INTERLEAVED.nextRound(PLAN, i -> true, new Random(7))).isNotEqualTo(PLAN);
  }

  @Test
  void noActiveBenchmarkIsAnEmptyRound() {
    for (ForkOrder o : ForkOrder.values()) {
      assertThat(o.nextRound(PLAN, i -> false, new Random(1))).isEmpty();
    }
  }
}
