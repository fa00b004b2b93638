package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.HostWarnings;
import dev.archbench.record.Host;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code --resume} requires before it continues a run (not completed, the same kind of host,
 * the same server), and the warnings the continued run carries.
 */
final class ResumeChecks {
  private ResumeChecks() {}

  /** IllegalArgumentException, naming {@code file}, when the run in it may not continue on {@code here}. */
  static void check(Path file, RunRecord existing, Host here, Map<String, String> options) {
    if (RunInfo.COMPLETED.equals(existing.run().status())) {
      throw new IllegalArgumentException(file + ": run " + existing.run().id() + " is already completed");
    }
    // A two-host run resumes on its load host; the server is checked again by its agent.
    Host then = existing.loadHost() != null ? existing.loadHost().host() : existing.host();
    if (here.arch() != null && then.arch() != null && !here.arch().equals(then.arch())) {
      throw new IllegalArgumentException(file + ": the run was made on " + then.arch() + ", this host is "
          + here.arch() + "; resume it on the same kind of host");
    }
    if (here.id() != null && then.id() != null && !here.id().equals(then.id())) {
      throw new IllegalArgumentException(file + ": the run was made on another kind of host (id "
          + then.id() + ", this one is " + here.id() + "); resume it on the same instance type");
    }
    if (existing.loadHost() != null) {
      TwoHostRun.of(options).filter(t -> Objects.equals(t.serverHost().id(), existing.host().id()))
          .orElseThrow(() -> new IllegalArgumentException(file + ": the server now answering is another kind of host"
              + " than the one the run was made on (id " + existing.host().id() + ")"));
    }
  }

  /**
   * The earlier attempt's warnings without its interruption, the host's warnings now that it did not
   * have, and one saying that the run was resumed.
   */
  static List<Warning> warnings(RunRecord existing, List<Warning> detectedNow) {
    List<Warning> warnings = new ArrayList<>(existing.run().warnings() == null ? List.of() : existing.run().warnings());
    warnings.removeIf(w -> w.code().equals(HostWarnings.INTERRUPTED));
    for (Warning w : detectedNow) {
      if (warnings.stream().noneMatch(x -> x.code().equals(w.code()))) {
        warnings.add(w);
      }
    }
    warnings.add(new Warning(HostWarnings.RESUMED, "resumed at " + Clock.now() + " with "
        + existing.results().size() + " results kept from an earlier attempt"));
    return warnings;
  }
}
