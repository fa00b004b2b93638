package dev.archbench.harness.runner.measure;

import dev.archbench.record.Precision.StopReason;
import dev.archbench.stats.HierarchicalBootstrap;
import dev.archbench.stats.PairedRatio;
import dev.archbench.stats.PairedRounds;
import dev.archbench.stats.ScoreInterval;
import dev.archbench.record.VariantRun;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark of a run of variants: its sides (one state per variant, baseline first), the rounds
 * that ended and the one under way. The benchmark stops as a whole, on the paired ratios.
 */
final class VariantGroup {
  final String key;
  final List<ForkState> sides = new ArrayList<>();
  final List<VariantRun.Round> rounds = new ArrayList<>();
  List<VariantRun.RoundFork> current = new ArrayList<>();
  /** Forks of the current round handed out so far. */
  int handed;
  StopReason stop;
  boolean failed;

  VariantGroup(String key) {
    this.key = key;
  }

  boolean active() {
    return stop == null && !failed;
  }

  double expectedRoundSeconds() {
    return sides.stream().mapToDouble(ForkState::expectedForkSeconds).sum();
  }

  /**
   * Why a benchmark of a run of variants stops after its latest round, or null: once it ran the
   * minimum rounds, when every variant's ratio to the baseline is decided ({@link PairedRatio#decided}),
   * else at the fork cap.
   */
  StopReason afterRound(int minForks, int maxForks, double threshold, String hostKey) {
    int done = rounds.size();
    if (done < minForks) {
      return null;
    }
    boolean decided = true;
    for (PairedRatio r : ratios(hostKey)) {
      decided &= r != null && r.decided(threshold);
    }
    if (decided) {
      return StopReason.DECIDED;
    }
    return done >= maxForks ? StopReason.BENCHMARK_CAP : null;
  }

  /** Per variant after the baseline, its paired ratio so far (null with fewer than two pairs). */
  private List<PairedRatio> ratios(String hostKey) {
    ForkState base = sides.get(0);
    List<PairedRatio> out = new ArrayList<>();
    for (ForkState side : sides.subList(1, sides.size())) {
      PairedRounds p = PairedRounds.of(rounds, base.variant, base.result, side.variant, side.result);
      out.add(p.pairs() < 2 ? null : PairedRatio.of(p.base(), p.other(), !base.result.higherIsBetter(),
          HierarchicalBootstrap.REPLICATES, ScoreInterval.seed(hostKey, VariantRun.resultKey(key, side.variant))));
    }
    return out;
  }
}
