package dev.archbench.harness.cli;

import dev.archbench.harness.runner.lifecycle.RunListener;
import dev.archbench.record.RecordException;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.Reports;
import java.nio.file.Path;

/**
 * The end of {@code archbench run}: writes the run's own report (HTML and Markdown) beside its
 * record, so one command goes from a fresh clone to a report. A report that cannot be written is a
 * warning; the record is what matters and is already safe on disk.
 */
public final class AfterRun implements RunListener {
  @Override
  public String afterRun(Path recordFile, RunRecord record) {
    try {
      return "report: " + Reports.writeRunReport(recordFile);
    } catch (RecordException | IllegalStateException e) {
      return "warning: no report written: " + e.getMessage();
    }
  }
}
