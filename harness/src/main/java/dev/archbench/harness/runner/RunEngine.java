package dev.archbench.harness.runner;

import dev.archbench.record.Status;
import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.Profile;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.UserJmhMethod;
import dev.archbench.workload.WorkloadContext;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs a plan and keeps its record on disk current: created at the start with status
 * {@code running}, atomically replaced after every benchmark (so {@code kill -9} loses at most the
 * benchmark in flight), and finished as {@code completed} or {@code interrupted}. A failing
 * benchmark is recorded and the run goes on; SIGINT, SIGTERM and spot notices stop the benchmark in
 * flight, flush and exit 130/143.
 */
public final class RunEngine {
  private final RunRequest req;
  private final RunEnvironment env;
  private final WorkloadCatalog catalog;
  private final JmhIndex index;

  public RunEngine(RunRequest req, RunEnvironment env, WorkloadCatalog catalog, JmhIndex index) {
    this.req = req;
    this.env = env;
    this.catalog = catalog;
    this.index = index;
  }

  /** The plan for this request on {@code host}; IllegalArgumentException for bad options. */
  public List<PlanItem> plan(Host host) {
    CommandLineOptions raw = JmhOptions.parse(req.jmh());
    ProfileSettings settings = settings(raw);
    WorkloadContext ctx = new WorkloadContext(host, req.workDir(), req.options());
    List<Integer> threads = req.threads() == null ? List.of() : ThreadCounts.parse(req.threads(), ctx.cpus());
    Selection selection = Selection.of(req.workloads(), req.includes(), req.excludes());
    List<PlanItem> plan = new Planner(index).plan(selection.workloadsOf(catalog), selection, req.profile(),
        threads, JmhOptions.paramOverrides(raw, Args.split(req.jmh())), settings, ctx);
    if (plan.isEmpty()) {
      throw new IllegalArgumentException("nothing to run: no benchmark of the selected workloads matches"
          + " the selection in profile " + req.profile().id() + " (see 'archbench list')");
    }
    return plan;
  }

  private ProfileSettings settings(CommandLineOptions raw) {
    return ProfileSettings.of(req.profile()).overriddenBy(raw);
  }

  /** {@code --dry-run}: prints the plan and its estimated duration. */
  public int dryRun() {
    Host host = env.host().get();
    List<PlanItem> plan = plan(host);
    PrintWriter out = env.out();
    ProfileSettings s = settings(JmhOptions.parse(req.jmh()));
    out.println("Plan (dry run, nothing is measured): profile " + req.profile().id() + ", " + s.describe()
        + " per benchmark");
    int width = plan.stream().mapToInt(i -> i.key().length()).max().orElse(10);
    out.printf(Locale.ROOT, "%4s  %-" + width + "s  %-8s  %s%n", "#", "benchmark", "mode", "estimate");
    double total = 0;
    int skipped = 0;
    for (int i = 0; i < plan.size(); i++) {
      PlanItem item = plan.get(i);
      total += item.estimatedSeconds();
      String est = item.isSkipped() ? "skipped: " + item.skipReason() : Progress.duration(item.estimatedSeconds());
      skipped += item.isSkipped() ? 1 : 0;
      out.printf(Locale.ROOT, "%4d  %-" + width + "s  %-8s  %s%n", i + 1, item.key(),
          item.mode() == null ? "?" : item.mode(), est);
    }
    out.println(plan.size() + " benchmarks" + (skipped > 0 ? " (" + skipped + " skipped)" : "")
        + ", estimated " + Progress.duration(total) + " (JVM start-up included; real times vary)");
    out.flush();
    return ExitCodes.OK;
  }

  /** A new run. */
  public int run() {
    Host host = env.host().get();
    List<PlanItem> plan = plan(host);
    List<Warning> warnings = new ArrayList<>(HostWarnings.detect(env.roots(), env.env()));
    warnings.addAll(forkWarnings(host));
    String id = UUID.randomUUID().toString();
    RunInfo info = new RunInfo(id, Clock.now(), null, RunInfo.RUNNING,
        dev.archbench.harness.cli.ArchbenchCommand.ManifestVersion.version(), BuildCommit.current(),
        req.commandLine(),
        req.profile().id(), req.label(),
        req.profile() != Profile.SMOKE && warnings.stream().noneMatch(w -> HostWarnings.EMULATED.equals(w.code())),
        List.copyOf(warnings));
    RunFiles files = new RunFiles(req.outDir(), id);
    RunRecord record = RunRecord.start(host, info);
    RunLock lock = RunLock.acquire(files);
    try {
      RecordFiles.create(files.record(), record);
      return execute(files, record, plan, Set.of(), warnings);
    } finally {
      lock.close();
    }
  }

  /** Continues the run in {@code file}: keeps its results, runs the rest. */
  public int resume(Path file, RunRecord existing) {
    if (RunInfo.COMPLETED.equals(existing.run().status())) {
      throw new IllegalArgumentException(file + ": run " + existing.run().id() + " is already completed");
    }
    Host here = env.host().get();
    Host then = existing.host();
    if (here.arch() != null && then.arch() != null && !here.arch().equals(then.arch())) {
      throw new IllegalArgumentException(file + ": the run was made on " + then.arch() + ", this host is "
          + here.arch() + "; resume it on the same kind of host");
    }
    if (here.id() != null && then.id() != null && !here.id().equals(then.id())) {
      throw new IllegalArgumentException(file + ": the run was made on another kind of host (id "
          + then.id() + ", this one is " + here.id() + "); resume it on the same instance type");
    }
    List<PlanItem> plan = plan(then);
    Set<String> kept = new HashSet<>();
    existing.results().forEach(r -> kept.add(r.key()));
    List<Warning> warnings = new ArrayList<>(existing.run().warnings() == null ? List.of() : existing.run().warnings());
    warnings.removeIf(w -> w.code().equals(HostWarnings.INTERRUPTED));
    for (Warning w : HostWarnings.detect(env.roots(), env.env())) {
      if (warnings.stream().noneMatch(x -> x.code().equals(w.code()))) {
        warnings.add(w);
      }
    }
    warnings.add(new Warning(HostWarnings.RESUMED, "resumed at " + Clock.now() + " with "
        + existing.results().size() + " results kept from an earlier attempt"));
    RunInfo old = existing.run();
    RunInfo info = new RunInfo(old.id(), old.startedAt(), null, RunInfo.RUNNING, old.harnessVersion(),
        old.gitCommit(), old.commandLine(), old.profile(), old.label(), old.comparable(), List.copyOf(warnings));
    RunRecord record = existing.withRun(info);
    RunFiles files = new RunFiles(file.toAbsolutePath().getParent(), old.id());
    RunLock lock = RunLock.acquire(files);
    try {
      RecordFiles.replace(file, record);
      return execute(files, record, plan, kept, warnings);
    } finally {
      lock.close();
    }
  }

  private List<Warning> forkWarnings(Host host) {
    List<Warning> out = new ArrayList<>();
    List<String> recorded = host.jvm() == null ? List.of() : host.jvm().arguments();
    HostWarnings.forkJvmFlags(recorded, userJvmArgs()).ifPresent(out::add);
    if (dev.archbench.harness.fingerprint.Fingerprinter.EMULATED.equals(host.virtualization())) {
      out.add(new Warning(HostWarnings.EMULATED, "archbench runs under user-mode emulation ("
          + host.arch() + " code on other hardware): results prove correctness only, never compare them"));
    }
    if (req.jvm() != null) {
      out.add(new Warning(HostWarnings.FORK_JVM, "benchmark JVMs are " + req.jvm()
          + ", the fingerprint records the JVM archbench runs on (" + System.getProperty("java.home") + ")"));
    }
    return out;
  }

  private List<String> userJvmArgs() {
    List<String> args = new ArrayList<>(Args.split(req.jvmArgs()));
    args.addAll(JmhOptions.jvmArgs(JmhOptions.parse(req.jmh())));
    return args;
  }

  private int execute(RunFiles files, RunRecord start, List<PlanItem> plan, Set<String> kept,
      List<Warning> warnings) {
    CommandLineOptions raw = JmhOptions.parse(req.jmh());
    ForkSettings fork = new ForkSettings(settings(raw), raw, req.jvm(), userJvmArgs(), req.options(),
        req.workDir());
    Interruption interruption = new Interruption();
    RunRecord record = start;
    boolean quiet = req.progress() == Progress.Mode.QUIET;
    SignalHandlers signals = env.handleSignals() ? new SignalHandlers(interruption) : null;
    Optional<SpotWatcher> spot = SpotWatcher.startIfSpot(record.host(), env.env(), req.spotPollInterval(),
        interruption);
    try (OutputStream log = openLog(files.log()); Progress progress = progress(plan, record.hostKey())) {
      JmhJsonFile jmhJson = JmhJsonFile.open(files.jmhJson());
      if (!Files.exists(files.jmhJson())) {
        jmhJson.write();
      }
      if (!quiet) {
        progress.note("archbench run " + files.runId() + ": " + plan.size()
            + (plan.size() == 1 ? " benchmark" : " benchmarks") + ", profile " + req.profile().id()
            + "; record " + files.record());
        warnings.forEach(w -> progress.note("warning: " + w.message() + " [" + w.code() + "]"));
      }
      logLine(log, "# archbench run " + files.runId() + " at " + Clock.now() + " (" + plan.size() + " planned)");
      JmhExecutor jmh = new JmhExecutor(fork, index, log, progress::note, interruption::requested);
      ScenarioExecutor scenarios = new ScenarioExecutor(fork, log);
      UserJmhExecutor userJmh = new UserJmhExecutor(fork, log, progress::note, interruption::requested);
      for (int i = 0; i < plan.size() && !interruption.requested(); i++) {
        PlanItem item = plan.get(i);
        if (kept.contains(item.key())) {
          BenchmarkResult previous = record.results().stream().filter(r -> r.key().equals(item.key()))
              .findFirst().orElseThrow();
          progress.ended(i + 1, item, previous, true);
          continue;
        }
        progress.started(i + 1, item);
        String startedAt = Clock.now();
        Outcome outcome;
        if (item.isSkipped()) {
          outcome = new Outcome(BenchmarkResult.skipped(item.workload(), item.spec().name(), item.params(),
              item.threads(), item.spec().unit(), item.spec().higherIsBetter(), item.skipReason()), null);
        } else {
          logLine(log, "\n# archbench: " + item.key());
          outcome = runOne(item, jmh, scenarios, userJmh, fork.profile(), startedAt);
        }
        if (Status.FAILED.equals(outcome.result().status())) {
          awaitSignalDelivery(interruption); // Ctrl-C kills the fork before our handler runs
        }
        if (interruption.requested() && !outcome.result().isOk()) {
          break; // the benchmark in flight was stopped: not a failure of the benchmark
        }
        jmhJson.append(outcome);
        record = record.withResult(outcome.result());
        RecordFiles.replace(files.record(), record);
        progress.ended(i + 1, item, outcome.result(), false);
      }
      interruption.settle();
      List<Warning> finalWarnings = new ArrayList<>(warnings);
      if (interruption.requested()) {
        finalWarnings.add(new Warning(HostWarnings.INTERRUPTED, interruption.describe() + " at " + Clock.now()));
      }
      RunInfo done = new RunInfo(record.run().id(), record.run().startedAt(), Clock.now(),
          interruption.requested() ? RunInfo.INTERRUPTED : RunInfo.COMPLETED, record.run().harnessVersion(),
          record.run().gitCommit(), record.run().commandLine(), record.run().profile(), record.run().label(),
          record.run().comparable(), List.copyOf(finalWarnings));
      record = record.withRun(done);
      RecordFiles.replace(files.record(), record);
      if (interruption.requested()) {
        progress.note("archbench: " + interruption.describe() + "; record saved as interrupted"
            + " (continue with: archbench run --resume " + files.record() + ")");
        String hook = req.onInterrupt() != null ? req.onInterrupt() : env.env().get(InterruptHook.ENV);
        if (hook != null && !hook.isBlank()) {
          progress.note("archbench: " + InterruptHook.run(hook, files, interruption.reason(), log));
        }
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
    String extra = env.listener().afterRun(files.record(), record);
    if (extra != null) {
      env.out().println(extra);
    }
    env.out().println(files.record());
    env.out().flush();
    long failed = record.results().stream().filter(r -> Status.FAILED.equals(r.status())).count();
    if (failed > 0) {
      env.err().println("archbench: " + failed + " benchmark" + (failed == 1 ? "" : "s") + " failed; see "
          + files.log());
      env.err().flush();
    }
    if (interruption.requested()) {
      return interruption.reason().exitCode;
    }
    return failed > 0 ? ExitCodes.FAILURE : ExitCodes.OK;
  }

  /** Runs an item with the executor of its kind ({@link dev.archbench.workload.Execution} is sealed). */
  private static Outcome runOne(PlanItem item, JmhExecutor jmh, ScenarioExecutor scenarios, UserJmhExecutor userJmh,
      ProfileSettings budget, String startedAt) {
    if (item.spec().execution() instanceof ScenarioClass scenario) {
      return scenarios.run(item, scenario, startedAt);
    }
    if (item.spec().execution() instanceof UserJmhMethod user) {
      return userJmh.run(item, user, budget, startedAt);
    }
    return jmh.run(item, (JmhMethod) item.spec().execution(), startedAt);
  }

  /** Signal handlers run on their own thread; give one a moment to record an interruption. */
  private static void awaitSignalDelivery(Interruption interruption) {
    for (int i = 0; i < 5 && !interruption.requested(); i++) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private Progress progress(List<PlanItem> plan, String hostKey) {
    Progress.Mode mode = req.progress();
    if (mode == Progress.Mode.TTY && !req.verbose()) {
      return new TtyProgress(env.err(), plan, hostKey, env.nanoTime(), true);
    }
    return new PlainProgress(env.err(), plan, hostKey, mode == Progress.Mode.QUIET, env.nanoTime());
  }

  private OutputStream openLog(Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    OutputStream file = new FileOutputStream(log.toFile(), true);
    return req.verbose() ? new TeeOutputStream(file, env.out()) : file;
  }

  private static void logLine(OutputStream log, String line) throws IOException {
    synchronized (log) {
      log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      log.flush();
    }
  }
}
