package dev.archbench.harness.runner;

import dev.archbench.workload.Profile;
import java.util.Locale;

/**
 * Which parameter sets of each benchmark a run measures. Profiles differ in precision and time, not
 * in what they cover: quick, standard and full run the same representative grid (each workload says
 * why its sets represent it), smoke its own few sets; {@code --grid full} runs every combination.
 */
public enum Grid {
  REPRESENTATIVE,
  FULL;

  /** The parameter sets a workload declared for this grid, as they are keyed in its specs. */
  public Profile paramsOf(Profile profile) {
    if (profile == Profile.SMOKE) {
      return Profile.SMOKE;
    }
    return this == FULL ? Profile.FULL : Profile.QUICK;
  }

  public static Grid of(String id) {
    try {
      return valueOf(id.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--grid: '" + id + "' is not representative or full");
    }
  }
}
