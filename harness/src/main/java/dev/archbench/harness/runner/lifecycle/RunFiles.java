package dev.archbench.harness.runner.lifecycle;

import java.nio.file.Path;

/** The files of one run in the output directory: record, JMH's JSON and the log. */
public record RunFiles(Path dir, String runId) {
  public Path record() {
    return dir.resolve(runId + ".json");
  }

  public Path jmhJson() {
    return dir.resolve(runId + ".jmh.json");
  }

  public Path log() {
    return dir.resolve(runId + ".log");
  }
}
