package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.PlainProgress;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import dev.archbench.harness.runner.lifecycle.RunLog;
import dev.archbench.harness.runner.lifecycle.TeeOutputStream;
import dev.archbench.harness.runner.lifecycle.TtyProgress;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.VariantRun;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;

/** What a run tells the user (its progress) and its log (what it runs, in which order, with which settings). */
final class RunLogs {
  private final RunRequest req;
  private final RunEnvironment env;

  RunLogs(RunRequest req, RunEnvironment env) {
    this.req = req;
    this.env = env;
  }

  /** The run's log, appended to (a resumed run continues it); with {@code --verbose} also on stdout. */
  RunLog open(Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    OutputStream file = new FileOutputStream(log.toFile(), true);
    return new RunLog(req.output().verbose() ? new TeeOutputStream(file, env.out()) : file);
  }

  /** A live line on a terminal (unless {@code --verbose}), else plain lines; quiet prints only failures. */
  Progress progress(List<PlanItem> plan, String hostKey, DoubleSupplier eta) {
    Progress.Mode mode = req.output().progress();
    if (mode == Progress.Mode.TTY && !req.output().verbose()) {
      return new TtyProgress(env.err(), plan, hostKey, env.nanoTime(), true, eta);
    }
    return new PlainProgress(env.err(), plan, hostKey, mode == Progress.Mode.QUIET, env.nanoTime(), eta);
  }

  /** The run's first lines: what it runs and where its record is, its warnings. */
  void start(RunLog log, Progress progress, RunFiles files, List<PlanItem> plan, List<Warning> warnings)
      throws IOException {
    if (req.output().progress() != Progress.Mode.QUIET) {
      progress.note("archbench run " + files.runId() + ": " + plan.size()
          + (plan.size() == 1 ? " benchmark" : " benchmarks") + ", profile " + req.benchmarks().profile().id()
          + "; record " + files.record());
      warnings.forEach(w -> progress.note("warning: " + w.message() + " [" + w.code() + "]"));
    }
    line(log, "# archbench run " + files.runId() + " at " + Clock.now() + " (" + plan.size() + " planned)");
  }

  /** How the forks are ordered (and, with variants, paired), and the settings they run with. */
  void forks(RunLog log, VariantRun.Duet duet, ForkOrder order, long seed, ProfileSettings settings)
      throws IOException {
    if (req.variants() != null) {
      line(log, "# archbench: variants " + String.join(", ", req.variants().names()) + " (baseline "
          + req.variants().names().get(0) + "), rounds in a seeded random order"
          + (duet == null ? ", one fork after another" : ", each round's forks at the same time on CPUs "
              + String.join(" | ", duet.cpus())));
    }
    line(log, "# archbench: forks in " + order.name().toLowerCase(Locale.ROOT) + " order, seed " + seed
        + "; " + settings.describe());
  }

  /** One line of the log; forks running side by side write to it too. */
  static void line(OutputStream log, String line) throws IOException {
    synchronized (log) {
      log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      log.flush();
    }
  }
}
