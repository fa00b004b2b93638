package dev.archbench.workloads.inference.load;

import dev.archbench.record.Knee.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server scenario's answer: the highest offered rate whose p99 latency stayed within the bound.
 * Rates are tried in increasing order; the search stops at the first rate that breaks the bound (a
 * saturated system only gets worse), so later points are not consulted.
 */
public final class LatencyBoundSearch {
  private LatencyBoundSearch() {}

  /** Rates to try: fractions of an estimated capacity, ascending. */
  public static List<Double> rates(double capacityPerSecond, int steps) {
    if (capacityPerSecond <= 0 || steps < 1) {
      throw new IllegalArgumentException("capacity and steps must be positive");
    }
    List<Double> out = new ArrayList<>();
    for (int i = 1; i <= steps; i++) {
      // From 20% up to 120% of the estimate: the knee is usually between 60% and 100%.
      out.add(capacityPerSecond * (2 + 10.0 * (i - 1) / Math.max(1, steps - 1)) / 10);
    }
    return out;
  }

  /** The highest rate within the bound, scanning until the first violation; empty if none. */
  public static Optional<Step> highestWithin(List<Step> ascending, double boundMillis) {
    Step best = null;
    for (Step p : ascending) {
      if (p.p99Ms() > boundMillis) {
        break;
      }
      best = p;
    }
    return Optional.ofNullable(best);
  }
}
