package dev.archbench.harness.runner.plan;

import dev.archbench.workload.Profile;

/** The order forks of different benchmarks run in ({@code --order}). */
public enum ForkOrder {
  /** Rounds over all benchmarks, each round in a seeded random order (the default but for smoke). */
  INTERLEAVED,
  /** Each benchmark's forks back to back, in plan order. */
  SEQUENTIAL;

  /** Without {@code --order}: interleaved where records are for comparison (all but smoke). */
  public static ForkOrder defaultFor(Profile profile) {
    return profile == Profile.SMOKE ? SEQUENTIAL : INTERLEAVED;
  }
}
