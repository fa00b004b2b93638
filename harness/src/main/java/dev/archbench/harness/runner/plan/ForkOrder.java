package dev.archbench.harness.runner.plan;

import dev.archbench.workload.Profile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

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

  /**
   * What the next round runs, of {@code all} in plan order: those still {@code active}, shuffled by
   * {@code random} when interleaved, only the first when sequential; empty when none is active.
   */
  public <T> List<T> nextRound(Iterable<T> all, Predicate<T> active, Random random) {
    List<T> out = new ArrayList<>();
    for (T t : all) {
      if (active.test(t)) {
        out.add(t);
      }
    }
    if (this == INTERLEAVED) {
      Collections.shuffle(out, random);
    }
    return this == SEQUENTIAL && !out.isEmpty() ? out.subList(0, 1) : out;
  }
}
