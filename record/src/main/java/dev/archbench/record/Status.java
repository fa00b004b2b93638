package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a benchmark ended. */
public enum Status {
  /** It ran and has a score. */
  OK,
  /** It ran and failed; {@code reason} says why. */
  FAILED,
  /** It could not run on this host (no device, no model); {@code reason} says why. */
  SKIPPED,
  /**
   * It ran, but no fork reached a steady state, so there is no score to give; {@code reason} says
   * how many forks ran and how long their warm-up was allowed to be. Its forks are kept.
   */
  UNSTEADY;

  @JsonValue
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
