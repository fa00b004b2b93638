package dev.archbench.harness.cli;

import dev.archbench.harness.runner.RunEnvironment;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;

/**
 * {@code archbench run --resume}: the interrupted run's record and its original command, parsed
 * again, with the few options a resumed run may change.
 *
 * @param original the original {@code run} command with this invocation's output options
 * @param commandLine the original command line, kept in the record
 */
record RunResume(Path file, RunRecord existing, RunCommand original, List<String> commandLine) {
  /** Options a resumed run may set; everything else comes from the record. */
  private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--out", "--progress", "--quiet",
      "--verbose", "--on-interrupt", "--spot-poll-ms", "--budget",
      "--fork-grace-ms");

  /** A resumed run's budget when the original deadline has passed: its remaining benchmarks get one fork each. */
  private static final Duration NO_BUDGET_LEFT = Duration.ofSeconds(1);

  /** The run {@code now} (with {@code --resume}) continues; a usage error when it cannot. */
  static RunResume of(RunCommand now, RunEnvironment env) {
    List<String> extra = now.spec.commandLine().getParseResult().matchedOptions().stream()
        .map(o -> o.longestName()).filter(n -> !RESUME_OPTIONS.contains(n)).distinct().toList();
    if (!extra.isEmpty()) {
      throw new UserException("--resume continues a run with its original options; remove "
          + String.join(", ", extra), ExitCodes.USAGE);
    }
    Path file = now.resume.endsWith(".json") || now.resume.contains("/") ? Path.of(now.resume)
        : now.out.resolve(now.resume + ".json");
    if (!Files.exists(file)) {
      throw new UserException(file + ": no such run record to resume", ExitCodes.USAGE);
    }
    RunRecord existing;
    try {
      existing = RecordFiles.read(file);
    } catch (RecordException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE); // a record that cannot be resumed, like the others
    }
    List<String> cl = existing.run().commandLine();
    if (cl == null || cl.size() < 2 || !cl.get(1).equals("run")) {
      throw new UserException(file + ": the record does not say how it was started (run.commandLine)",
          ExitCodes.USAGE);
    }
    RunCommand original = new RunCommand();
    new CommandLine(original).parseArgs(cl.subList(2, cl.size()).toArray(new String[0]));
    original.out = file.toAbsolutePath().getParent();
    original.progress = now.progress;
    original.quiet = now.quiet;
    original.verbose = now.verbose;
    original.onInterrupt = now.onInterrupt;
    original.spotPollMs = now.spotPollMs;
    original.forkGraceMs = now.forkGraceMs;
    original.label = existing.run().label();
    if (now.budget != null) {
      original.budget = now.budget;
    } else {
      original.resumeBudget = restOfBudget(original, existing.run().startedAt(), env);
    }
    return new RunResume(file, existing, original, cl);
  }

  /**
   * The original deadline (the run's start plus its budget) kept across interruptions: a resumed run
   * gets what is left of it, or nothing when it has passed, and says so.
   */
  private static Duration restOfBudget(RunCommand original, String startedAt, RunEnvironment env) {
    Duration total;
    try {
      total = original.budget != null ? RunOptionValues.budget(original.budget)
          : ProfileSettings.of(Profile.of(original.profile)).budget();
    } catch (IllegalArgumentException e) {
      return null; // the original options are refused with their own message later
    }
    Instant deadline;
    try {
      deadline = Instant.parse(startedAt).plus(total);
    } catch (DateTimeParseException e) {
      return null;
    }
    Duration left = Duration.between(Instant.now(), deadline);
    if (!original.quiet) {
      env.err().println(left.compareTo(NO_BUDGET_LEFT) < 0
          ? "archbench: the original budget of the run ended at " + deadline + "; the benchmarks left run one"
              + " fork each (give --budget for a new one)"
          : "archbench: resuming with " + (left.toSeconds() / 60) + " min " + (left.toSeconds() % 60)
              + " s left of the original budget (until " + deadline + "; give --budget for a new one)");
      env.err().flush();
    }
    return left.compareTo(NO_BUDGET_LEFT) < 0 ? NO_BUDGET_LEFT : left;
  }
}
