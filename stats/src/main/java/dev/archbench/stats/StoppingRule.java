package dev.archbench.stats;

import dev.archbench.record.Precision.StopReason;

/**
 * When a benchmark stops adding forks: the one rule that the runner applies while it measures and
 * that the dry run's forecast simulates, so that the plan predicts what the run will do. After each
 * fork, once the minimum forks ran, a benchmark stops when its interval's relative half-width (the
 * {@link ScoreInterval} shown everywhere) reached the target, else when it ran its most forks. Before
 * each fork after the first (every benchmark gets a result), it stops when that fork would end after
 * the run's budget. Without a target, forks are added up to the cap, as the budget allows.
 *
 * @param target the relative half-width asked for (0.05 is ±5%), or {@code null} for none
 * @param minForks forks every benchmark runs unless the budget runs out
 * @param maxForks the most forks a benchmark runs to reach its target
 */
public record StoppingRule(Double target, int minForks, int maxForks) {

  /**
   * Why a benchmark stops after {@code forks} forks whose interval has relative half-width
   * {@code halfWidth} (NaN when none can be computed yet), or {@code null} when it goes on.
   */
  public StopReason afterFork(int forks, double halfWidth) {
    if (forks < minForks) {
      return null;
    }
    if (target != null && halfWidth <= target) {
      return StopReason.TARGET_MET;
    }
    return forks >= maxForks ? StopReason.BENCHMARK_CAP : null;
  }

  /**
   * {@link StopReason#BUDGET} when the next fork of a benchmark that ran {@code forksDone} forks may
   * not start because it would end at {@code endsAt}, after {@code budgetEnd} (both in the caller's
   * clock and unit); {@code null} when it may start.
   */
  public StopReason beforeFork(int forksDone, double endsAt, double budgetEnd) {
    return forksDone >= 1 && endsAt > budgetEnd ? StopReason.BUDGET : null;
  }
}
