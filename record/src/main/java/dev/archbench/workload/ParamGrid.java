package dev.archbench.workload;

import java.util.Locale;

/**
 * Which of a benchmark's parameter sets a run takes: a workload declares its values per grid in
 * {@link BenchmarkSpec#params()}, the runner picks the grid from the profile and {@code --grid}.
 * The {@link Profile} says how long and how precisely to measure; the grid says which values.
 */
public enum ParamGrid {
  /** The smoke profile's sets: few and cheap, enough to prove each benchmark works. */
  SMOKE,
  /** The sets each workload chose to represent it (quick, standard and full unless {@code --grid full}). */
  REPRESENTATIVE,
  /** Every combination the workload offers ({@code --grid full}). */
  FULL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
