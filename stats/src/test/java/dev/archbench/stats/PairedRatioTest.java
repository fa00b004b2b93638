package dev.archbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.ForkRun;
import dev.archbench.record.ForkRun.Steadiness;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paired ratio tested by simulation: rounds of a baseline and a variant fork on a machine whose
 * speed drifts from round to round (the drift hits both forks of a round), with fork-to-fork and
 * iteration noise on top. Seeded, so every figure below is the same on every run.
 */
class PairedRatioTest {
  /** One simulated experiment: its rounds of paired forks. */
  private record Pairs(List<double[]> base, List<double[]> other) {}

  /**
   * {@code rounds} rounds; the machine's speed in each round is 1 + drift·N(0,1); each fork adds its
   * own offset (forkSd) and each iteration its noise (iterSd); the variant does {@code ratio} of the
   * baseline's work rate.
   */
  private static Pairs simulate(SplitMix64 g, int rounds, double drift, double forkSd, double iterSd, double ratio) {
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      double machine = 1 + drift * g.nextGaussian();
      a.add(fork(g, 100 * machine, forkSd, iterSd));
      b.add(fork(g, 100 * machine * ratio, forkSd, iterSd));
    }
    return new Pairs(a, b);
  }

  private static double[] fork(SplitMix64 g, double mean, double forkSd, double iterSd) {
    double m = mean * (1 + forkSd * g.nextGaussian());
    double[] v = new double[5];
    for (int i = 0; i < v.length; i++) {
      v[i] = m * (1 + iterSd * g.nextGaussian());
    }
    return v;
  }

  @Test
  void identicalVariantsDifferInAboutFivePercentOfExperimentsWhateverTheDrift() {
    SplitMix64 g = new SplitMix64(1);
    int experiments = 600;
    int falseAlarms = 0;
    int stopFalseAlarms = 0;
    for (int e = 0; e < experiments; e++) {
      Pairs p = simulate(g, 6, 0.10, 0.01, 0.01, 1.0);
      PairedRatio r = PairedRatio.of(p.base(), p.other(), false, 1000, e);
      falseAlarms += r.ratio().excludes(1) ? 1 : 0;
      stopFalseAlarms += r.differs() ? 1 : 0;
    }
    // About the 5% of a 95% interval (the binomial spread of 600 trials is ±1.8%; the iteration level
    // resampled inside each fork makes the interval a little conservative).
    assertThat(falseAlarms / (double) experiments).isBetween(0.01, 0.085);
    // The stopping rule's 99% interval: about one in a hundred.
    assertThat(stopFalseAlarms / (double) experiments).isLessThan(0.03);
  }

  @Test
  void pairingRemovesTheMachinesDriftThatSeparateIntervalsInclude() {
    SplitMix64 g = new SplitMix64(2);
    Pairs p = simulate(g, 8, 0.10, 0.005, 0.005, 1.0);
    PairedRatio paired = PairedRatio.of(p.base(), p.other(), false, 1000, 7);
    ScoreInterval a = ScoreInterval.of(List.of(p.base()), 1000, 8);
    ScoreInterval b = ScoreInterval.of(List.of(p.other()), 1000, 9);
    // A 10% drift between rounds: each side alone is uncertain by several percent, the pair by far less.
    assertThat(a.relativeHalfWidth()).isGreaterThan(0.03);
    assertThat(paired.relativeHalfWidth()).isLessThan(a.relativeHalfWidth() / 4).isLessThan(b.relativeHalfWidth() / 4);
  }

  @Test
  void aPlantedSlowdownIsFoundAndMeasured() {
    SplitMix64 g = new SplitMix64(3);
    int experiments = 300;
    int found10 = 0;
    int found5 = 0;
    double sumRatio = 0;
    for (int e = 0; e < experiments; e++) {
      Pairs ten = simulate(g, 8, 0.10, 0.01, 0.01, 0.90);
      PairedRatio r = PairedRatio.of(ten.base(), ten.other(), false, 1000, e);
      found10 += r.ratio().upper() < 1 ? 1 : 0;
      sumRatio += r.ratio().value();
      Pairs five = simulate(g, 8, 0.10, 0.01, 0.01, 0.95);
      found5 += PairedRatio.of(five.base(), five.other(), false, 1000, e).ratio().upper() < 1 ? 1 : 0;
    }
    assertThat(found10).isEqualTo(experiments);
    assertThat(found5 / (double) experiments).isGreaterThan(0.95);
    assertThat(sumRatio / experiments).isCloseTo(0.90, within(0.005));
  }

  @Test
  void timesPerOperationGiveThePerformanceRatio() {
    SplitMix64 g = new SplitMix64(4);
    // Times: the variant takes 25% longer per operation, so it does 1/1.25 = 0.8 of the work.
    Pairs p = simulate(g, 6, 0.05, 0.002, 0.002, 1.25);
    PairedRatio r = PairedRatio.of(p.base(), p.other(), true, 1000, 1);
    assertThat(r.ratio().value()).isCloseTo(0.8, within(0.01));
    assertThat(r.ratio().upper()).isLessThan(1);
    assertThat(r.differs()).isTrue();
    assertThat(r.decided(0.05)).isTrue();
    assertThat(r.pValue()).isLessThan(0.001);
  }

  @Test
  void decidedWhenItDiffersOrLiesWithinTheThresholdNotBefore() {
    SplitMix64 g = new SplitMix64(5);
    Pairs same = simulate(g, 10, 0.05, 0.002, 0.002, 1.0);
    PairedRatio r = PairedRatio.of(same.base(), same.other(), false, 1000, 1);
    assertThat(r.withinThreshold(0.05)).isTrue();
    assertThat(r.decided(0.05)).isTrue();
    assertThat(r.decided(0)).as("no threshold: only a difference decides").isEqualTo(r.differs());
    // Noisy forks and few rounds: neither a difference nor within 1%.
    Pairs noisy = simulate(g, 3, 0.05, 0.05, 0.02, 1.0);
    PairedRatio n = PairedRatio.of(noisy.base(), noisy.other(), false, 1000, 1);
    assertThat(n.decided(0.01)).isFalse();
    assertThat(n.detectableChange()).isGreaterThan(n.relativeHalfWidth());
    // One pair is never decided, whatever its interval.
    assertThat(PairedRatio.of(same.base().subList(0, 1), same.other().subList(0, 1), false, 1000, 1).decided(0.5))
        .isFalse();
  }

  @Test
  void roundsWithAForkThatNeverBecameSteadyAreNotPaired() {
    ForkRun steady = new ForkRun(Steadiness.FLAT, 0, 1, List.of(10.0, 11.0), null);
    ForkRun warm = new ForkRun(Steadiness.WARMUP, 1, 1, List.of(5.0, 20.0, 21.0), null);
    ForkRun never = new ForkRun(Steadiness.NO_STEADY_STATE, 3, 1, List.of(1.0, 2.0, 3.0), null);
    BenchmarkResult a = result("x#a", List.of(steady, steady, never));
    BenchmarkResult b = result("x#b", List.of(warm, steady, steady));
    List<VariantRun.Round> rounds = List.of(
        new VariantRun.Round(List.of(new VariantRun.RoundFork("b", 0), new VariantRun.RoundFork("a", 0))),
        new VariantRun.Round(List.of(new VariantRun.RoundFork("a", 1), new VariantRun.RoundFork("b", 1))),
        new VariantRun.Round(List.of(new VariantRun.RoundFork("a", 2), new VariantRun.RoundFork("b", 2))));
    PairedRounds p = PairedRounds.of(rounds, "a", a, "b", b);
    assertThat(p.pairs()).isEqualTo(2);
    assertThat(p.unpaired()).isEqualTo(1);
    assertThat(p.other().get(0)).as("the warm-up left out").containsExactly(20.0, 21.0);
    assertThat(PairedRounds.of(rounds, "a", a, "b", null).pairs()).isZero();
  }

  private static BenchmarkResult result(String key, List<ForkRun> forks) {
    return BenchmarkResult.builder(key, "w", "x").mode("thrpt").threads(1).forks(forks.size()).unit("ops/s")
        .higherIsBetter(true).score(1.0).rawData(List.of()).status(Status.OK).forkRuns(forks).build();
  }
}
