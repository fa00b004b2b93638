package dev.archbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void bootstrapIsDeterministicForASeed() {
    List<double[]> forks = List.of(new double[] {1, 2, 3}, new double[] {2, 3, 4});
    assertThat(HierarchicalBootstrap.replicates(forks, 200, 42))
        .containsExactly(HierarchicalBootstrap.replicates(forks, 200, 42));
    assertThat(HierarchicalBootstrap.replicates(forks, 200, 43))
        .isNotEqualTo(HierarchicalBootstrap.replicates(forks, 200, 42));
    assertThat(HierarchicalBootstrap.mean(List.of(new double[] {1, 3}, new double[] {10})))
        .isEqualTo((2 + 10) / 2.0);
  }

  /** The two loops consume the same draws; on equal forks they differ only by rounding. */
  @Test
  void equalAndUnequalForkLoopsAgreeOnEqualForks() {
    SplitMix64 g = new SplitMix64(3);
    int nf = 7;
    int n = 5;
    double[] flat = new double[nf * n];
    int[] start = new int[nf];
    int[] len = new int[nf];
    for (int i = 0; i < nf; i++) {
      start[i] = i * n;
      len[i] = n;
      for (int j = 0; j < n; j++) {
        flat[i * n + j] = 100 + 10 * i + g.nextInt(1000) / 1000.0;
      }
    }
    double[] fast = HierarchicalBootstrap.equalForks(flat, nf, n, 500, 11);
    double[] general = HierarchicalBootstrap.unequalForks(flat, start, len, 500, 11);
    for (int r = 0; r < fast.length; r++) {
      assertThat(fast[r]).isCloseTo(general[r], within(1e-9));
    }
    // Not a constant: replicates vary across forks.
    assertThat(java.util.Arrays.stream(fast).distinct().count()).isGreaterThan(400);
  }

  /** Unequal forks weigh each fork the same, whatever its length (mean of fork means). */
  @Test
  void unequalForksWeighForksEqually() {
    List<double[]> forks = List.of(new double[] {10, 10, 10, 10, 10, 10}, new double[] {20});
    double[] reps = HierarchicalBootstrap.replicates(forks, 2000, 5);
    for (double r : reps) {
      assertThat(r).isIn(10.0, 15.0, 20.0);
    }
    double mean = java.util.Arrays.stream(reps).average().orElseThrow();
    assertThat(mean).isCloseTo(15.0, within(0.5));
  }

  /**
   * Coverage: data with real fork-to-fork variation (each fork's mean drawn around the true mean),
   * 5 forks × 10 iterations; the nominal 95% interval should contain the true mean in roughly 95%
   * of data sets. The percentile bootstrap with 5 forks is known to be somewhat narrow, so accept
   * 80%–99%; an interval that ignored forks (iterations only) covers far less, which the second
   * half of the test shows.
   */
  @Test
  void hierarchicalIntervalsCoverTheTrueMeanWhenForksDiffer() {
    SplitMix64 g = new SplitMix64(7);
    int sets = 300;
    int covered = 0;
    int coveredFlat = 0;
    for (int s = 0; s < sets; s++) {
      List<double[]> forks = new ArrayList<>();
      double[] flat = new double[50];
      for (int f = 0; f < 5; f++) {
        double forkMean = 100 + 5 * gauss(g);
        double[] it = new double[10];
        for (int i = 0; i < 10; i++) {
          it[i] = forkMean + 1 * gauss(g);
          flat[f * 10 + i] = it[i];
        }
        forks.add(it);
      }
      Estimate e = Estimate.of(HierarchicalBootstrap.mean(forks), HierarchicalBootstrap.replicates(forks, 500, s));
      if (e.lower() <= 100 && 100 <= e.upper()) {
        covered++;
      }
      Estimate flatE = Estimate.of(HierarchicalBootstrap.mean(List.of(flat)),
          HierarchicalBootstrap.replicates(List.of(flat), 500, s));
      if (flatE.lower() <= 100 && 100 <= flatE.upper()) {
        coveredFlat++;
      }
    }
    assertThat(covered / (double) sets).isBetween(0.80, 0.99);
    assertThat(coveredFlat / (double) sets).isLessThan(covered / (double) sets - 0.1);
  }

  @Test
  void estimateQuantilesAndMonotoneMaps() {
    double[] reps = new double[101];
    for (int i = 0; i <= 100; i++) {
      reps[i] = 100 - i;
    }
    Estimate e = Estimate.of(50, reps);
    assertThat(e.lower()).isCloseTo(2.5, within(1e-9));
    assertThat(e.upper()).isCloseTo(97.5, within(1e-9));
    Estimate inv = e.map(x -> 1 / x);
    assertThat(inv.lower()).isCloseTo(1 / 97.5, within(1e-12));
    assertThat(inv.upper()).isCloseTo(1 / 2.5, within(1e-12));
    assertThat(new Estimate(1, 0.9, 1.1).overlaps(new Estimate(1.2, 1.05, 1.3))).isTrue();
    assertThat(new Estimate(1, 0.9, 1.1).overlaps(new Estimate(1.3, 1.15, 1.4))).isFalse();
    assertThat(new Estimate(1.2, 1.05, 1.3).excludes(1)).isTrue();
  }

  @Test
  void recordsAreTheOuterLevelAndOneRecordIsTheTwoLevelBootstrap() {
    List<double[]> a = List.of(new double[] {10, 10.1, 9.9}, new double[] {10.2, 10.1, 10.3});
    List<double[]> b = List.of(new double[] {12, 12.1, 11.9}, new double[] {12.2, 12.1, 12.3});
    assertThat(HierarchicalBootstrap.replicatesOfRecords(List.of(a), 300, 9))
        .containsExactly(HierarchicalBootstrap.replicates(a, 300, 9));
    // Two records that disagree: the interval spans the run-to-run difference, which the forks of
    // either record alone cannot show.
    ScoreInterval both = ScoreInterval.of(List.of(a, b), 2000, 9);
    ScoreInterval one = ScoreInterval.of(List.of(a), 2000, 9);
    assertThat(both.scope()).isEqualTo(IntervalScope.RECORDS);
    assertThat(one.scope()).isEqualTo(IntervalScope.FORKS);
    assertThat(both.estimate().value()).isCloseTo(11.1, within(1e-9));
    assertThat(both.estimate().lower()).isLessThan(10.5);
    assertThat(both.estimate().upper()).isGreaterThan(11.7);
    assertThat(one.estimate().upper() - one.estimate().lower()).as("two forks: the t-like width, not the plug-in")
        .isGreaterThan(0.4).isLessThan(3);
    assertThat(ScoreInterval.of(List.of(List.of(new double[] {3, 4})), 100, 1).scope()).isEqualTo(IntervalScope.ITERATIONS);
    assertThat(ScoreInterval.of(List.of(List.of(new double[] {3})), 100, 1).scope()).isEqualTo(IntervalScope.NONE);
    assertThat(IntervalScope.NONE.caveat()).isEqualTo("a single measurement: no interval can be computed");
  }

  /**
   * The A/A test of the interval itself: two records of one benchmark drawn from the same
   * distribution (fork means vary beyond iteration noise) must rarely be called different. The
   * plain percentile bootstrap fails this badly with few forks; the expanded one must hold.
   */
  @Test
  void twoIdenticalRunsAreRarelyCalledDifferentEvenWithFewForks() {
    SplitMix64 g = new SplitMix64(2013);
    for (int forks : new int[] {2, 3, 5, 8}) {
      int called = 0;
      int trials = 200;
      for (int t = 0; t < trials; t++) {
        List<double[]> a = sample(g, forks);
        List<double[]> b = sample(g, forks);
        ScoreInterval ia = ScoreInterval.of(List.of(a), 400, 2 * t + 1);
        ScoreInterval ib = ScoreInterval.of(List.of(b), 400, 2 * t + 2);
        double[] ratio = new double[400];
        for (int i = 0; i < ratio.length; i++) {
          ratio[i] = ib.replicates()[i] / ia.replicates()[i];
        }
        called += Estimate.of(ib.estimate().value() / ia.estimate().value(), ratio).excludes(1) ? 1 : 0;
      }
      assertThat(called / (double) trials).as("false positives with %d forks", forks).isLessThanOrEqualTo(0.06);
    }
    assertThat(SmallSample.expansion(2)).isCloseTo(9.17, within(0.01));
    assertThat(SmallSample.expansion(30)).isCloseTo(1.06, within(0.01));
    assertThat(SmallSample.t975(40)).isCloseTo(2.0211, within(1e-3));
  }

  /** Forks with means 100 + N(0, 2²) and five iterations each with noise N(0, 1). */
  private static List<double[]> sample(SplitMix64 g, int forks) {
    List<double[]> out = new java.util.ArrayList<>();
    for (int f = 0; f < forks; f++) {
      double mean = 100 + 2 * gauss(g);
      double[] it = new double[5];
      for (int i = 0; i < it.length; i++) {
        it[i] = mean + gauss(g);
      }
      out.add(it);
    }
    return out;
  }

  @Test
  void falseDiscoveriesAreControlledAcrossBenchmarks() {
    assertThat(FalseDiscovery.cutoff(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}, 0.05)).isEqualTo(0.05);
    assertThat(FalseDiscovery.cutoff(new double[] {0.001, 0.3, 0.5, 0.7, 0.9}, 0.05)).isEqualTo(0.001);
    // 100 benchmarks with p = 0.03: each alone "significant", none after the correction.
    assertThat(FalseDiscovery.cutoff(java.util.Collections.nCopies(100, 0.03).stream().mapToDouble(d -> d).toArray(),
        0.05)).isEqualTo(0.03).as("all equal at 0.03 <= 0.05: all kept");
    double[] mixed = new double[100];
    java.util.Arrays.fill(mixed, 0.5);
    mixed[0] = 0.03;
    assertThat(FalseDiscovery.cutoff(mixed, 0.05)).isEqualTo(-1);
    assertThat(FalseDiscovery.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
    double[] around = {0.9, 1.0, 1.1, 0.95, 1.05};
    assertThat(FalseDiscovery.pValueOfRatio(around, 1.0)).isCloseTo(1.0, within(1e-6));
    assertThat(FalseDiscovery.pValueOfRatio(new double[] {0.5, 0.51, 0.49, 0.5}, 0.5)).isLessThan(1e-6);
  }

  private static double gauss(SplitMix64 g) {
    double u1 = ((g.nextLong() >>> 11) + 1) * 0x1.0p-53;
    double u2 = (g.nextLong() >>> 11) * 0x1.0p-53;
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
