package dev.archbench.harness.cli;

import dev.archbench.harness.runner.RunOutcome;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.record.RecordException;
import dev.archbench.reports.Reports;
import java.io.PrintWriter;

/**
 * The end of {@code archbench run}: writes the run's own report (HTML and Markdown) beside its
 * record, so one command goes from a fresh clone to a report, prints the record's path and the
 * failures, and turns the outcome into an exit code. A report that cannot be written is a warning;
 * the record is what matters and is already safe on disk. The report is made from the record the run
 * holds, unless its last write failed: then from the file, so it shows no result the file lacks.
 */
final class AfterRun {
  private AfterRun() {}

  /** Reports {@code outcome} on {@code out}/{@code err} (the run's own report with {@code report}); the exit code. */
  static int report(RunOutcome outcome, PrintWriter out, PrintWriter err, boolean report) {
    if (report) {
      out.println(writeReport(outcome));
    }
    out.println(outcome.recordFile());
    out.flush();
    long failed = outcome.failed();
    if (failed > 0) {
      err.println("archbench: " + failed + " benchmark" + (failed == 1 ? "" : "s") + " failed; see "
          + outcome.log());
      err.flush();
    }
    if (outcome.interruption().isPresent()) {
      return exitCode(outcome.interruption().get());
    }
    return failed > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  private static String writeReport(RunOutcome outcome) {
    try {
      return "report: " + (outcome.saved() ? Reports.writeRunReport(outcome.recordFile(), outcome.record())
          : Reports.writeRunReport(outcome.recordFile()));
    } catch (RecordException | IllegalStateException e) {
      return "warning: no report written: " + e.getMessage();
    }
  }

  /** 128 + the signal's number; a run whose files cannot be written failed. */
  static int exitCode(Interruption.Reason reason) {
    return switch (reason) {
      case SIGINT -> ExitCodes.INTERRUPTED_SIGINT;
      case SIGTERM, SPOT -> ExitCodes.INTERRUPTED_SIGTERM;
      case CANNOT_WRITE -> ExitCodes.FAILURE;
    };
  }
}
