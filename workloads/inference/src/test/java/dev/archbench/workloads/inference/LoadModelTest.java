package dev.archbench.workloads.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.archbench.workloads.inference.load.LatencyBoundSearch;
import dev.archbench.record.Knee.Step;
import dev.archbench.workloads.inference.load.PoissonSchedule;
import dev.archbench.workloads.inference.load.ProcessStats;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadModelTest {

  @Test
  void poissonArrivalsHaveTheRateAndExponentialGaps() {
    long[] a = PoissonSchedule.arrivals(1000, 20, 7);
    assertThat(a.length).isBetween(19_400, 20_600);
    double meanGap = 0;
    double var = 0;
    for (int i = 1; i < a.length; i++) {
      assertThat(a[i]).isGreaterThanOrEqualTo(a[i - 1]);
      meanGap += (a[i] - a[i - 1]) / 1e6;
    }
    meanGap /= a.length - 1;
    for (int i = 1; i < a.length; i++) {
      double d = (a[i] - a[i - 1]) / 1e6 - meanGap;
      var += d * d;
    }
    // Exponential: standard deviation equals the mean (1 ms here).
    assertThat(meanGap).isCloseTo(1.0, within(0.03));
    assertThat(Math.sqrt(var / (a.length - 2))).isCloseTo(1.0, within(0.05));
    assertThat(a[a.length - 1]).isLessThan(20_000_000_000L);
    assertThat(PoissonSchedule.arrivals(1000, 20, 7)).isEqualTo(a);
    assertThat(PoissonSchedule.arrivals(1000, 20, 8)).isNotEqualTo(a);
  }

  @Test
  void highestRateWithinBoundStopsAtFirstViolation() {
    List<Step> pts = List.of(step(10, 5), step(20, 9), step(30, 150),
        step(40, 50));
    assertThat(LatencyBoundSearch.highestWithin(pts, 100)).contains(step(20, 9));
    assertThat(LatencyBoundSearch.highestWithin(pts, 4)).isEmpty();
    assertThat(LatencyBoundSearch.highestWithin(pts, 200)).contains(step(40, 50));
    assertThat(LatencyBoundSearch.rates(100, 6)).containsExactly(20.0, 40.0, 60.0, 80.0, 100.0, 120.0);
  }

  private static Step step(double rate, double p99Ms) {
    return new Step(rate, rate, p99Ms / 2, p99Ms, 0);
  }

  @Test
  void parsesRssFromProcStatus() {
    String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t40\n";
    assertThat(ProcessStats.rssBytes(status)).hasValue(123456L * 1024);
    assertThat(ProcessStats.rssBytes("Name: x\n")).isEmpty();
  }
}
