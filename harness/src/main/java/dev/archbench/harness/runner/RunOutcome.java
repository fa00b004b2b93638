package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How a run ended, for the CLI to report (the run's own report, the record's path, failures) and turn
 * into an exit code: the runner knows neither.
 *
 * @param recordFile the record, final on disk (completed or interrupted)
 * @param log the run's log
 * @param record the record as the run ended
 * @param saved whether {@code recordFile} holds {@code record}: false when its last write failed, and
 *     the file keeps an earlier version
 * @param interruption why the run stopped early, or empty when it completed
 */
public record RunOutcome(Path recordFile, Path log, RunRecord record, boolean saved,
    Optional<Interruption.Reason> interruption) {

  /** Benchmarks that failed. */
  public long failed() {
    return record.results().stream().filter(r -> Status.FAILED.equals(r.status())).count();
  }
}
