package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.JmhJsonFile;
import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.InterruptHook;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.lifecycle.RecordSaves;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import dev.archbench.harness.runner.lifecycle.RunLog;
import dev.archbench.harness.runner.lifecycle.SignalHandlers;
import dev.archbench.harness.runner.lifecycle.SpotWatcher;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forks of a run, one after another (with {@code --duet}, a round's forks at the same time) in
 * the order the {@link ForkScheduler} gives, until it has nothing left or the run is interrupted:
 * after every fork the record is replaced on disk, so {@code kill -9} loses at most the fork in flight.
 */
final class ForkLoop {
  /** What the loop needs besides the record: made by {@link RunEngine} once per run. */
  record Setup(RunRequest req, RunEnvironment env, RunFiles files, List<PlanItem> plan, ForkScheduler scheduler,
      ForkDeadline deadline, Map<String, BenchmarkResult> resumed, List<Warning> warnings, DuetPins duet,
      ForkOrder order, long seed, ProfileSettings settings, RunExecutors.Factory executors) {}

  private final Setup s;
  private final Interruption interruption = new Interruption();

  ForkLoop(Setup setup) {
    this.s = setup;
  }

  /** Runs the forks and finishes the record that starts as {@code start}; how the run ended. */
  RunOutcome run(RunRecord start) {
    RunRecord record = start;
    RunFiles files = s.files();
    SignalHandlers signals = s.env().handleSignals() ? new SignalHandlers(interruption) : null;
    Optional<SpotWatcher> spot = SpotWatcher.startIfSpot(
        // a spot notice concerns the host this run executes on: the load host in a two-host run
        record.loadHost() != null ? record.loadHost().host() : record.host(), s.env().env(),
        s.req().output().spotPollInterval(), interruption);
    RunLogs logs = new RunLogs(s.req(), s.env());
    boolean whole = false;
    try (RunLog log = logs.open(files.log());
        Progress progress = logs.progress(s.plan(), record.hostKey(), s.scheduler()::remainingSeconds)) {
      JmhJsonFile jmhJson = JmhJsonFile.open(files.jmhJson());
      if (!Files.exists(files.jmhJson())) {
        RecordSaves.saved(jmhJson::write, interruption);
      }
      logs.start(log, progress, files, s.plan(), s.warnings());
      RunExecutors executors = s.executors().create(log, progress::note, interruption::requested);
      logs.forks(log, s.duet().duet, s.order(), s.seed(), s.settings());
      record = kept(record, progress);
      final RunRecord beforeForks = record;
      RecordSaves.saved(() -> RecordFiles.replace(files.record(), beforeForks), interruption);
      record = forks(record, executors, log, progress, jmhJson);
      // Benchmarks the budget stopped between forks carry that reason now.
      for (BenchmarkResult r : s.scheduler().results()) {
        record = record.withResult(r);
      }
      final RunRecord stopped = record;
      RecordSaves.saved(() -> RecordFiles.replace(files.record(), stopped), interruption);
      interruption.settle();
      record = RecordSaves.finished(record, s.warnings(), interruption, Clock.now());
      final RunRecord finished = record;
      whole = RecordSaves.saved(() -> RecordFiles.replace(files.record(), finished), interruption);
      if (log.firstFailure() != null) {
        progress.note("archbench: the log " + files.log() + " is incomplete: " + log.firstFailure());
      }
      if (interruption.requested()) {
        interrupted(progress, log, whole);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot write " + files.log() + ": " + e.getMessage(), e);
    } finally {
      interruption.settle();
      spot.ifPresent(SpotWatcher::close);
      if (signals != null) {
        signals.close();
      }
    }
    return new RunOutcome(files.record(), files.log(), record, whole,
        interruption.requested() ? Optional.of(interruption.reason()) : Optional.empty());
  }

  /** Results kept from an earlier attempt, and the skipped benchmarks, as they enter the record. */
  private RunRecord kept(RunRecord record, Progress progress) {
    for (int i = 0; i < s.plan().size(); i++) {
      PlanItem item = s.plan().get(i);
      for (String key : VariantRequest.resultKeys(s.req().variants(), item)) {
        BenchmarkResult previous = s.resumed().get(key);
        if (previous != null && !s.scheduler().continues(key)) {
          progress.ended(i + 1, item, previous, true);
        } else if (item.isSkipped() && previous == null) {
          BenchmarkResult skipped = BenchmarkResult.skipped(item.workload(), item.spec().name(), item.params(),
              item.threads(), item.spec().unit(), item.spec().higherIsBetter(), item.skipReason()).withKey(key);
          record = record.withResult(skipped);
          progress.ended(i + 1, item, skipped, false);
        }
      }
    }
    return record;
  }

  /** The fork loop proper: each batch (one fork, or a duet round) run, merged and saved. */
  private RunRecord forks(RunRecord record, RunExecutors executors, RunLog log, Progress progress,
      JmhJsonFile jmhJson) throws IOException {
    ForkScheduler scheduler = s.scheduler();
    ForkScheduler.Next next;
    while (!interruption.requested() && (next = scheduler.next()) != null) {
      List<ForkScheduler.Next> batch = new ArrayList<>(List.of(next));
      if (s.duet().duet != null && next.variant() != null) {
        batch.addAll(scheduler.restOfRound(next)); // started together, each on its own CPUs
      }
      ForkBatch.Ran ran = new ForkBatch(batch, executors, s.deadline(), s.env().nanoTime()).run(log, progress);
      for (int b = 0; b < batch.size(); b++) {
        ForkScheduler.Next n = batch.get(b);
        Outcome outcome = ran.outcomes()[b];
        PlanItem item = n.item();
        if (Status.FAILED.equals(outcome.result().status())) {
          ForkBatch.awaitSignalDelivery(interruption); // Ctrl-C kills the fork before our handler runs
        }
        if (interruption.requested() && !outcome.result().isOk()) {
          return record; // the fork in flight was stopped: not a failure of the benchmark
        }
        BenchmarkResult sofar = scheduler.completed(n, outcome.result(), ran.seconds()[b]);
        record = record.withResult(sofar);
        if (n.variant() != null) {
          // The round may have ended and stopped every variant of the benchmark.
          for (BenchmarkResult r : scheduler.resultsOf(item.key())) {
            record = record.withResult(r);
          }
          record = record.withVariants(record.variants().withRounds(item.key(), scheduler.roundsOf(item.key())));
        }
        final RunRecord withFork = record;
        // JMH's JSON first, then the record (see JmhJsonFile); a write that fails stops the run.
        if (!RecordSaves.saved(() -> jmhJson.append(outcome), interruption)
            || !RecordSaves.saved(() -> RecordFiles.replace(s.files().record(), withFork), interruption)) {
          return record;
        }
        progress.ended(n.index(), item, sofar, false);
      }
    }
    return record;
  }

  /** Tells the user how to continue, and runs {@code --on-interrupt} (or its environment variable). */
  private void interrupted(Progress progress, RunLog log, boolean whole) {
    RunFiles files = s.files();
    progress.note("archbench: " + interruption.describe() + "; " + (whole ? "record saved as interrupted"
        : "the record keeps its last complete version") + " (continue with: archbench run --resume "
        + files.record() + (interruption.reason() == Interruption.Reason.CANNOT_WRITE
            ? " once it can be written" : "") + ")");
    String asked = s.req().output().onInterrupt();
    String hook = asked != null ? asked : s.env().env().get(InterruptHook.ENV);
    if (hook != null && !hook.isBlank()) {
      progress.note("archbench: " + InterruptHook.run(hook, files, interruption.reason(), log));
    }
  }
}
