package dev.archbench.stats;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which levels of variation an interval includes (Kalibera and Jones's levels: run or instance,
 * fork, iteration). An interval can only contain the variation it has samples of; each scope below
 * the top says in words what it leaves out.
 */
public enum IntervalScope {
  /** Several records: run-to-run (or instance-to-instance), fork and iteration variation. */
  RECORDS("records, forks and iterations", null, null),
  /** One record, several forks: fork and iteration variation, not run-to-run. */
  FORKS("forks and iterations", "one record: the interval cannot include run-to-run variation",
      "one record: no run-to-run variation"),
  /** One fork: iteration variation only. */
  ITERATIONS("iterations", "one fork: the interval covers iteration noise only, not fork-to-fork or run-to-run variation",
      "one fork: iteration noise only"),
  /** A single value: no interval at all. */
  NONE("none", "a single measurement: no interval can be computed", "a single measurement: no interval");

  private final String levels;
  private final String caveat;
  private final String brief;

  IntervalScope(String levels, String caveat, String brief) {
    this.levels = levels;
    this.caveat = caveat;
    this.brief = brief;
  }

  /** The caveat in a few words, for one-line displays; null when there is none. */
  public String brief() {
    return brief;
  }

  @JsonValue
  public String levels() {
    return levels;
  }

  /** What the interval cannot include, in words; null when it includes every level. */
  public String caveat() {
    return caveat;
  }

  /** The scope of data with {@code records} records, {@code forks} forks and {@code values} values in all. */
  public static IntervalScope of(int records, int forks, int values) {
    if (values < 2) {
      return NONE;
    }
    if (records > 1) {
      return RECORDS;
    }
    return forks > 1 ? FORKS : ITERATIONS;
  }
}
