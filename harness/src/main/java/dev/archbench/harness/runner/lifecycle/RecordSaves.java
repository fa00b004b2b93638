package dev.archbench.harness.runner.lifecycle;

import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import java.util.ArrayList;
import java.util.List;

/** The record's writes during a run, and its last state. */
public final class RecordSaves {
  private RecordSaves() {}

  /**
   * Runs one write of the run's files; when it fails (a full disk, an I/O error) the previous version of
   * the file is intact ({@link RecordFiles#writeAtomically}) and the run stops as interrupted, so that
   * {@code --resume} continues it once the disk has room. False when the write failed.
   */
  public static boolean saved(Runnable write, Interruption interruption) {
    try {
      write.run();
      return true;
    } catch (RecordException e) {
      interruption.request(Interruption.Reason.CANNOT_WRITE, e.getMessage());
      return false;
    }
  }

  /** {@code record} as the run ends at {@code now}: completed, or interrupted with a warning saying why. */
  public static RunRecord finished(RunRecord record, List<Warning> warnings, Interruption interruption, String now) {
    List<Warning> finalWarnings = new ArrayList<>(warnings);
    if (interruption.requested()) {
      finalWarnings.add(new Warning(HostWarnings.INTERRUPTED, interruption.describe() + " at " + now));
    }
    RunInfo run = record.run();
    RunInfo done = new RunInfo(run.id(), run.startedAt(), now,
        interruption.requested() ? RunInfo.INTERRUPTED : RunInfo.COMPLETED, run.harnessVersion(),
        run.gitCommit(), run.commandLine(), run.profile(), run.label(), run.comparable(), List.copyOf(finalWarnings));
    return record.withRun(done);
  }
}
