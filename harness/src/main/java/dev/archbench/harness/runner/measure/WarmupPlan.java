package dev.archbench.harness.runner.measure;

import dev.archbench.record.ForkRun;
import java.util.List;

/**
 * How long the next fork of a benchmark warms up, from the forks it already ran on this host. A
 * fork that never became steady was too short: the next one warms up twice as long (the search
 * doubles, so a long warm-up is found in few forks). Otherwise the next fork gets what the slowest
 * steady fork needed plus a quarter and one iteration, since forks of one benchmark warm up at
 * different speeds. Scenarios measure their warm-up as steps of the iteration length, so their
 * series include it as JMH forks' do. Never more than the profile's cap; unchanged when nothing was
 * classified (a knee search gives one value per fork: too few to classify).
 */
public final class WarmupPlan {
  private WarmupPlan() {}

  /**
   * @param runs the benchmark's forks so far (null or empty: nothing learned)
   * @param current the warm-up iterations the last fork was planned with
   * @param cap the profile's most warm-up iterations
   */
  public static int next(List<ForkRun> runs, int current, int cap) {
    if (runs == null || runs.isEmpty()) {
      return current;
    }
    ForkRun last = runs.get(runs.size() - 1);
    if (!last.isSteady()) {
      return Math.min(cap, Math.max(2 * current, current + 2));
    }
    int needed = -1;
    for (ForkRun r : runs) {
      if (r.isSteady() && r.steadiness() != ForkRun.Steadiness.UNCHECKED) {
        needed = Math.max(needed, r.warmupIterations());
      }
    }
    if (needed < 0) {
      return current;
    }
    return Math.min(cap, Math.max(1, (int) Math.ceil(needed * 1.25) + 1));
  }
}
