package dev.archbench.harness.runner.plan;

import dev.archbench.workload.BenchmarkSpec;
import dev.archbench.workload.ParamGrid;
import dev.archbench.workload.Profile;
import dev.archbench.workload.Workload;
import java.util.Locale;

/**
 * Which benchmarks and parameter sets of each workload a run measures. The representative grid is
 * each workload's chosen parameter sets (each workload says why they represent it); the core grid is
 * the few of those that each workload names as its first answer ({@link Workload#coreBenchmarks()}),
 * so that the quick profile's ten minutes buy steady, repeated forks of a few benchmarks rather than
 * warm-up of many; {@code --grid full} runs every combination. The smoke profile runs its own few sets.
 */
public enum Grid {
  CORE,
  REPRESENTATIVE,
  FULL;

  /** The grid a profile runs when {@code --grid} is not given: core for quick, else representative. */
  public static Grid defaultFor(Profile profile) {
    return profile == Profile.QUICK ? CORE : REPRESENTATIVE;
  }

  /** The parameter sets a run of {@code profile} on this grid takes: smoke's own, else this grid's. */
  public ParamGrid paramsOf(Profile profile) {
    if (profile == Profile.SMOKE) {
      return ParamGrid.SMOKE;
    }
    return this == FULL ? ParamGrid.FULL : ParamGrid.REPRESENTATIVE;
  }

  /** Whether {@code spec} of {@code workload} is in this grid (its parameter sets aside). */
  public boolean includes(Workload workload, BenchmarkSpec spec) {
    return this != CORE || workload.coreBenchmarks().isEmpty() || workload.coreBenchmarks().contains(spec.name());
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Grid of(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--grid: '" + id + "' is not core, representative or full");
    }
  }
}
