package dev.archbench.record;

import java.util.List;

/**
 * What was run, when and how.
 *
 * @param id UUID of the run; also the record's file name
 * @param startedAt UTC ISO-8601
 * @param endedAt UTC ISO-8601, {@code null} while running
 * @param status {@code running}, {@code completed} or {@code interrupted}
 * @param harnessVersion archbench's version
 * @param gitCommit the commit archbench was built from ({@code -dirty} with uncommitted changes),
 *     {@code null} when built outside a git checkout
 * @param profile {@code smoke}, {@code quick}, {@code standard} or {@code full}
 * @param comparable false for records that must not be used for price comparisons (smoke profile)
 * @param warnings conditions that make the numbers less comparable (detected at start)
 */
public record RunInfo(
    String id,
    String startedAt,
    String endedAt,
    String status,
    String harnessVersion,
    String gitCommit,
    List<String> commandLine,
    String profile,
    String label,
    boolean comparable,
    List<Warning> warnings) {

  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String INTERRUPTED = "interrupted";

  /**
   * A condition detected on the host that makes results less comparable.
   *
   * @param code stable machine-readable code, e.g. {@code shared-ci-runner}, {@code governor}
   */
  public record Warning(String code, String message) {
    public Warning(WarningCode code, String message) {
      this(code.id(), message);
    }
  }

  public RunInfo withStatus(String newStatus, String newEndedAt) {
    return new RunInfo(id, startedAt, newEndedAt, newStatus, harnessVersion, gitCommit, commandLine,
        profile, label, comparable, warnings);
  }

  public RunInfo withLabel(String newLabel) {
    return new RunInfo(id, startedAt, endedAt, status, harnessVersion, gitCommit, commandLine,
        profile, newLabel, comparable, warnings);
  }

  /** Whether the run ended with every benchmark done ({@link #COMPLETED}), not running or interrupted. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean isCompleted() {
    return COMPLETED.equals(status);
  }

  public boolean hasWarning(String code) {
    return warnings != null && warnings.stream().anyMatch(w -> code.equals(w.code()));
  }

  public boolean hasWarning(WarningCode code) {
    return hasWarning(code.id());
  }
}
