package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.cli.AfterRun;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;

/**
 * Called once a run's record is final on disk (completed or interrupted), e.g. to write the run's
 * own report next to it. {@link AfterRun} is the one archbench uses.
 */
@FunctionalInterface
public interface RunListener {
  RunListener NONE = (file, record) -> null;

  /** @return one line for the user (e.g. the report's path), or {@code null} */
  String afterRun(Path recordFile, RunRecord record);
}
