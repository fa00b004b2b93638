package dev.archbench.harness.runner;

import dev.archbench.record.RunRecord;
import java.nio.file.Path;

/**
 * The hook point at the end of {@code archbench run}: the place to write the run's own report
 * (reports module) next to the record. Nothing is written until it is wired.
 */
public final class AfterRun implements RunListener {
  @Override
  public String afterRun(Path recordFile, RunRecord record) {
    return null;
  }
}
