package dev.archbench.workload;

import java.util.Locale;

/**
 * How long and how precisely to measure: the harness maps each profile to a precision target, a
 * wall-clock budget, a fork range and iteration times ({@code ProfileSettings}; the README's profile
 * table shows them). Which parameter sets run is a {@link ParamGrid}, chosen by the profile and
 * {@code --grid}.
 */
public enum Profile {
  /** Proves it works, in minutes: no precision target; records are marked not for comparison. */
  SMOKE,
  /** The default: a first answer within minutes, from repeated forks of each workload's core benchmarks. */
  QUICK,
  /** Decisions between instance types: a tighter target, more forks and a longer budget. */
  STANDARD,
  /** Publication grade: the tightest target, the most forks and the longest budget. */
  FULL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Profile of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
