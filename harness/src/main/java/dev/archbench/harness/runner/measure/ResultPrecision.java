package dev.archbench.harness.runner.measure;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.ForkRun;
import dev.archbench.record.Precision;
import dev.archbench.record.Status;
import java.util.List;

/** A benchmark's result as it stands after a fork: its precision, stop reason and time spent. */
final class ResultPrecision {
  private ResultPrecision() {}

  /** {@code r} with its precision so far and, once it stopped, why (or the reason it has no score yet). */
  static BenchmarkResult of(ProfileSettings settings, ForkState s, BenchmarkResult r) {
    if (r == null || Status.FAILED.equals(r.status())) {
      return r;
    }
    if (!r.isOk()) {
      r = unsteady(settings, s, r);
    }
    double hw = s.halfWidth;
    Precision p = r.precision();
    // A variant's forks stop on the paired ratio, not on a target for its own score.
    Double target = s.group != null ? null : settings.precision();
    return r.withPrecision(new Precision(target, Double.isNaN(hw) ? null : hw, s.stop,
        p == null ? null : p.warmup(), p == null ? null : p.warmupData(), Math.round(s.secondsSpent * 10) / 10.0));
  }

  /** A result with no steady fork yet, with the reason in words instead of a score. */
  private static BenchmarkResult unsteady(ProfileSettings settings, ForkState s, BenchmarkResult r) {
    List<ForkRun> runs = r.forkRuns() == null ? List.of() : r.forkRuns();
    int longest = runs.stream().mapToInt(f -> f.iterations().size()).max().orElse(0);
    String why = "no steady state in " + runs.size() + (runs.size() == 1 ? " fork" : " forks")
        + (s.stop == null ? " so far" : "");
    if (longest >= settings.maxWarmupIterations() + settings.measurementIterations()) {
      why += "; the warm-up cap of " + ProfileSettings.human(settings.maxWarmup()) + " was too short";
    }
    return r.unsteady(why);
  }
}
