package dev.archbench.workload;

import java.util.Locale;

/**
 * How thoroughly to measure. Workloads choose their parameter sets per profile; the runner maps each
 * profile to JMH forks, warm-up and measurement settings.
 */
public enum Profile {
  /** Seconds per benchmark: proves it works; records are marked not for comparison. */
  SMOKE,
  /** The whole suite in about 10 minutes on 2 cores. */
  QUICK,
  /** About 45 minutes on 2 cores. */
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
