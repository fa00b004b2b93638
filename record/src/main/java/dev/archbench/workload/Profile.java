package dev.archbench.workload;

import java.util.Locale;

/**
 * How thoroughly to measure. Workloads choose their parameter sets per profile; the runner maps each
 * profile to JMH forks, warm-up and measurement settings.
 */
public enum Profile {
  /** Seconds per benchmark: proves it works; records are marked not for comparison. */
  SMOKE,
  /** The whole suite in about 20 minutes (the default). */
  QUICK,
  /** More forks and longer iterations, more parameter sets: hours for the whole suite, so select. */
  STANDARD,
  /** Publication grade: at least 3 forks, tight confidence intervals. */
  FULL;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Profile of(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
