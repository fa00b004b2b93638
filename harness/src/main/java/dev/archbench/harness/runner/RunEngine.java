package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Args;
import dev.archbench.harness.runner.execute.DuetCpus;
import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhExecutor;
import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.execute.JmhJsonFile;
import dev.archbench.harness.runner.execute.JmhOptions;
import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.execute.ScenarioExecutor;
import dev.archbench.harness.runner.lifecycle.BuildCommit;
import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.HostWarnings;
import dev.archbench.harness.runner.lifecycle.InterruptHook;
import dev.archbench.harness.runner.lifecycle.Interruption;
import dev.archbench.harness.runner.lifecycle.OutputDirectory;
import dev.archbench.harness.runner.lifecycle.PlainProgress;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import dev.archbench.harness.runner.lifecycle.RunLock;
import dev.archbench.harness.runner.lifecycle.RunLog;
import dev.archbench.harness.runner.lifecycle.SignalHandlers;
import dev.archbench.harness.runner.lifecycle.SpotWatcher;
import dev.archbench.harness.runner.lifecycle.TeeOutputStream;
import dev.archbench.harness.runner.lifecycle.TtyProgress;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.Planner;
import dev.archbench.harness.runner.plan.PrecisionModel;
import dev.archbench.harness.runner.plan.Selection;
import dev.archbench.harness.runner.plan.ThreadCounts;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.userjmh.UserJmhExecutor;
import dev.archbench.record.Status;
import dev.archbench.harness.cli.ExitCodes;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import dev.archbench.record.VariantRun;
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
import java.util.Map;
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
    List<PlanItem> plan = new Planner(index).plan(selection.workloadsOf(catalog), selection,
        req.grid().paramsOf(req.profile()),
        threads, JmhOptions.paramOverrides(raw, Args.split(req.jmh())), settings, ctx);
    plan = plan.stream().filter(i -> catalog.byId(i.workload()).map(w -> req.grid().includes(w, i.spec()))
        .orElse(true)).toList();
    if (plan.isEmpty()) {
      throw new IllegalArgumentException("nothing to run: no benchmark of the selected workloads matches"
          + " the selection in profile " + req.profile().id() + ", grid " + req.grid().id()
          + (req.grid() == Grid.CORE ? " (--grid representative runs more; see 'archbench list')" : " (see 'archbench list')"));
    }
    return plan;
  }

  private ProfileSettings settings(CommandLineOptions raw) {
    return ProfileSettings.of(req.profile()).overriddenBy(raw).with(req.precision(), req.budget());
  }

  /**
   * {@code --dry-run}: the plan, and per benchmark the forks, precision and time it can expect from
   * the {@link PrecisionModel} (measured defaults, or {@code --history} records of this host),
   * simulated round by round within the budget as the run will go.
   */
  public int dryRun() {
    Host host = env.host().get();
    List<PlanItem> plan = plan(host);
    PrintWriter out = env.out();
    ProfileSettings s = settings(JmhOptions.parse(req.jmh()));
    List<RunRecord> history = new ArrayList<>();
    if (!req.history().isEmpty()) {
      dev.archbench.reports.RecordLoader.Loaded loaded = dev.archbench.reports.RecordLoader.load(req.history());
      if (!loaded.problems().isEmpty()) {
        throw new IllegalArgumentException("--history: " + loaded.problems().get(0));
      }
      loaded.records().forEach(r -> history.add(r.record()));
    }
    List<PrecisionModel.Prediction> predictions = PrecisionModel.of(history).predict(plan, s);
    java.util.Map<String, PrecisionModel.Prediction> byKey = new java.util.HashMap<>();
    predictions.forEach(p -> byKey.put(p.item().key(), p));
    out.println("Plan (dry run, nothing is measured): profile " + req.profile().id() + " (" + req.grid().name()
        .toLowerCase(Locale.ROOT) + " grid), " + s.describe());
    int width = plan.stream().mapToInt(i -> i.key().length()).max().orElse(10);
    out.printf(Locale.ROOT, "%4s  %-" + width + "s  %-8s  %5s  %9s  %-13s  %7s  %s%n", "#", "benchmark", "mode",
        "forks", "precision", "expected stop", "time", "variance from");
    double total = 0;
    int skipped = 0;
    int missing = 0;
    for (int i = 0; i < plan.size(); i++) {
      PlanItem item = plan.get(i);
      PrecisionModel.Prediction p = byKey.get(item.key());
      String mode = item.mode() == null ? "?" : item.mode();
      if (p == null) {
        skipped++;
        out.printf(Locale.ROOT, "%4d  %-" + width + "s  %-8s  skipped: %s%n", i + 1, item.key(), mode, item.skipReason());
        continue;
      }
      total += p.seconds();
      missing += s.precision() != null && p.halfWidth() > s.precision() ? 1 : 0;
      out.printf(Locale.ROOT, "%4d  %-" + width + "s  %-8s  %5d  %9s  %-13s  %7s  %s%n", i + 1, item.key(), mode,
          p.forks(), "±" + ProfileSettings.pct(p.halfWidth()), p.stopReason(), Progress.duration(p.seconds()), p.source());
    }
    int runnable = plan.size() - skipped;
    if (s.precision() != null && runnable > 0) {
      out.printf(Locale.ROOT, "expected to reach ±%s: %d of %d benchmarks (%.0f%%)%n", ProfileSettings.pct(s.precision()),
          runnable - missing, runnable, 100.0 * (runnable - missing) / runnable);
    }
    if (total > s.budget().toSeconds()) {
      out.println("warning: one fork of every benchmark already takes longer than the budget; the run will"
          + " overrun it (select fewer benchmarks or raise --budget)");
    }
    if (req.variants() != null) {
      out.println("variants: " + String.join(", ", req.variants().names()) + " (the first is the baseline); each round"
          + " runs one fork of every variant, so forks and times above are per variant: a run takes about "
          + req.variants().names().size() + " times as long per round, within the same budget");
    }
    out.println(plan.size() + " benchmarks" + (skipped > 0 ? " (" + skipped + " skipped)" : "")
        + ", estimated " + Progress.duration(total) + " within a budget of " + ProfileSettings.human(s.budget())
        + " (JVM start-up included; real times vary)");
    out.flush();
    return ExitCodes.OK;
  }

  /** A new run. */
  public int run() {
    Host here = env.host().get();
    // Two hosts: the record speaks for the server (its agent's fingerprint), the load host beside it.
    Optional<TwoHostRun> twoHosts = TwoHostRun.of(req.options());
    Host host = twoHosts.map(TwoHostRun::serverHost).orElse(here);
    List<PlanItem> plan = plan(host);
    List<Warning> warnings = new ArrayList<>(HostWarnings.detect(env.roots(), env.env()));
    warnings.addAll(forkWarnings(here));
    String id = UUID.randomUUID().toString();
    RunInfo info = new RunInfo(id, Clock.now(), null, RunInfo.RUNNING,
        dev.archbench.harness.cli.ArchbenchCommand.ManifestVersion.version(), BuildCommit.current(),
        req.commandLine(),
        req.profile().id(), req.label(),
        req.profile() != Profile.SMOKE && warnings.stream().noneMatch(w -> HostWarnings.EMULATED.equals(w.code())),
        List.copyOf(warnings));
    RunFiles files = new RunFiles(req.outDir(), id);
    RunRecord record = twoHosts.isPresent() ? RunRecord.start(host, info, twoHosts.get().loadHost(here, env))
        : RunRecord.start(host, info);
    if (req.variants() != null) {
      record = record.withVariants(new VariantRun(dev.archbench.random.SplitMix64.seedOf(id),
          req.variants().threshold(), null, req.variants().variants(), List.of()));
    }
    OutputDirectory.prepare(req.outDir());
    RunLock lock = RunLock.acquire(files);
    try {
      try {
        RecordFiles.create(files.record(), record);
      } catch (RecordException e) {
        // Nothing has run and no record exists: a full or unwritable --out is the user's to fix.
        throw new IllegalArgumentException("--out " + req.outDir() + ": " + e.getMessage());
      }
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
      TwoHostRun.of(req.options()).filter(t -> java.util.Objects.equals(t.serverHost().id(), existing.host().id()))
          .orElseThrow(() -> new IllegalArgumentException(file + ": the server now answering is another kind of host"
              + " than the one the run was made on (id " + existing.host().id() + ")"));
    }
    List<PlanItem> plan = plan(existing.host());
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
      try {
        RecordFiles.replace(file, record);
      } catch (RecordException e) {
        throw new IllegalArgumentException(e.getMessage() + " (the record is unchanged; resume again once it can"
            + " be written)");
      }
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
    return userJvmArgs(req.jvmArgs());
  }

  /** {@code jvmArgs} (a {@code --jvm-args} value) plus those inside {@code --jmh}. */
  private List<String> userJvmArgs(String jvmArgs) {
    List<String> args = new ArrayList<>(Args.split(jvmArgs));
    args.addAll(JmhOptions.jvmArgs(JmhOptions.parse(req.jmh())));
    return args;
  }

  /**
   * The executors of one variant (its JVM, JVM arguments and jar), or of the run when it has no
   * variants ({@code variant} null).
   */
  private record Executors(VariantRun.Variant variant, JmhExecutor jmh, ScenarioExecutor scenarios,
      UserJmhExecutor userJmh, ProfileSettings settings) {}

  /**
   * The forks of a run of variants with {@code --duet}: per variant a {@code java} pinned to its own
   * CPUs, or null when the host cannot (then rounds run back to back and a warning says why).
   */
  private VariantRun.Duet duet(List<Warning> warnings, Map<String, Path> javas) throws IOException {
    VariantRequest v = req.variants();
    if (v == null || !v.duet()) {
      return null;
    }
    Optional<Path> taskset = DuetCpus.taskset(env.env());
    List<String> cpus = DuetCpus.split(DuetCpus.allowed(new dev.archbench.harness.fingerprint.HostPaths(env.roots())),
        v.variants().size());
    String why = taskset.isEmpty() ? "taskset (util-linux) is not on the PATH"
        : cpus.isEmpty() ? "this process may use fewer CPUs than there are variants" : null;
    if (why != null) {
      warnings.add(new Warning(DUET_UNAVAILABLE, "--duet: " + why + "; each round's forks run one after another"));
      return null;
    }
    Path dir = Files.createTempDirectory("archbench-duet-");
    for (int i = 0; i < v.variants().size(); i++) {
      VariantRun.Variant x = v.variants().get(i);
      String java = x.jvm() != null ? x.jvm() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
      javas.put(x.name(), DuetCpus.wrapper(dir, x.name(), taskset.get(), cpus.get(i), java));
    }
    return new VariantRun.Duet(DuetCpus.METHOD, cpus);
  }

  /** Warning code: {@code --duet} was asked but the host cannot pin the forks apart. */
  public static final String DUET_UNAVAILABLE = "duet-unavailable";

  /** The result keys of {@code item}: its own, or one per variant. */
  private List<String> resultKeys(PlanItem item) {
    if (req.variants() == null) {
      return List.of(item.key());
    }
    return req.variants().names().stream().map(n -> VariantRun.resultKey(item.key(), n)).toList();
  }

  private int execute(RunFiles files, RunRecord start, List<PlanItem> plan, Set<String> kept,
      List<Warning> warnings) {
    CommandLineOptions raw = JmhOptions.parse(req.jmh());
    ForkSettings fork = new ForkSettings(settings(raw), raw, req.jvm(), userJvmArgs(), req.options(),
        req.workDir());
    Map<String, Path> duetJavas = new java.util.HashMap<>();
    VariantRun.Duet duet;
    try {
      duet = duet(warnings, duetJavas);
    } catch (IOException e) {
      throw new IllegalArgumentException("--duet: cannot write the pinned java scripts: " + e.getMessage());
    }
    RunRecord withDuet = start;
    if (req.variants() != null) {
      VariantRun before = start.variants();
      withDuet = start.withVariants(new VariantRun(dev.archbench.random.SplitMix64.seedOf(files.runId()),
          req.variants().threshold(), duet, req.variants().variants(),
          before == null ? List.of() : before.benchmarks()));
    }
    try {
      return executeForks(files, withDuet, plan, kept, warnings, raw, fork, duet, duetJavas);
    } finally {
      for (Path p : duetJavas.values()) {
        ScenarioExecutor.deleteTree(p.getParent());
      }
    }
  }

  private int executeForks(RunFiles files, RunRecord start, List<PlanItem> plan, Set<String> kept,
      List<Warning> warnings, CommandLineOptions raw, ForkSettings fork, VariantRun.Duet duet,
      Map<String, Path> duetJavas) {
    Interruption interruption = new Interruption();
    RunRecord record = start;
    boolean quiet = req.progress() == Progress.Mode.QUIET;
    SignalHandlers signals = env.handleSignals() ? new SignalHandlers(interruption) : null;
    Optional<SpotWatcher> spot = SpotWatcher.startIfSpot(
        // a spot notice concerns the host this run executes on: the load host in a two-host run
        record.loadHost() != null ? record.loadHost().host() : record.host(), env.env(), req.spotPollInterval(),
        interruption);
    ProfileSettings settings = fork.profile();
    ForkOrder order = order();
    long seed = dev.archbench.random.SplitMix64.seedOf(files.runId());
    java.util.Map<String, BenchmarkResult> resumed = new java.util.HashMap<>();
    start.results().stream().filter(r -> kept.contains(r.key())).forEach(r -> resumed.put(r.key(), r));
    ForkDeadline deadline = ForkDeadline.of(settings.budget(), req.forkGrace(), env.nanoTime());
    ForkScheduler.Variants variants = req.variants() == null ? null
        : new ForkScheduler.Variants(req.variants().names(), req.variants().threshold(), start.variants());
    ForkScheduler scheduler = new ForkScheduler(plan, settings, order, seed, env.nanoTime(), start.hostKey(),
        resumed, !raw.getMeasurementIterations().hasValue() && !raw.getWarmupIterations().hasValue(), variants);
    try (RunLog log = openLog(files.log());
        Progress progress = progress(plan, record.hostKey(), scheduler::remainingSeconds)) {
      JmhJsonFile jmhJson = JmhJsonFile.open(files.jmhJson());
      if (!Files.exists(files.jmhJson())) {
        saved(jmhJson::write, interruption);
      }
      if (!quiet) {
        progress.note("archbench run " + files.runId() + ": " + plan.size()
            + (plan.size() == 1 ? " benchmark" : " benchmarks") + ", profile " + req.profile().id()
            + "; record " + files.record());
        warnings.forEach(w -> progress.note("warning: " + w.message() + " [" + w.code() + "]"));
      }
      logLine(log, "# archbench run " + files.runId() + " at " + Clock.now() + " (" + plan.size() + " planned)");
      Map<String, Executors> executors = new java.util.HashMap<>();
      if (req.variants() == null) {
        executors.put(null, new Executors(null, new JmhExecutor(fork, index, log, progress::note, interruption::requested),
            new ScenarioExecutor(fork, log, interruption::requested),
            new UserJmhExecutor(fork, log, progress::note, interruption::requested), fork.profile()));
      } else {
        for (VariantRun.Variant v : req.variants().variants()) {
          Path pinned = duetJavas.get(v.name());
          ForkSettings f = new ForkSettings(fork.profile(), raw, pinned != null ? pinned.toString() : v.jvm(),
              userJvmArgs(v.jvmArgs()), req.options(), req.workDir());
          executors.put(v.name(), new Executors(v, new JmhExecutor(f, index, log, progress::note, interruption::requested),
              new ScenarioExecutor(f, log, interruption::requested),
              new UserJmhExecutor(f, log, progress::note, interruption::requested), f.profile()));
        }
        logLine(log, "# archbench: variants " + String.join(", ", req.variants().names()) + " (baseline "
            + req.variants().names().get(0) + "), rounds in a seeded random order"
            + (duet == null ? ", one fork after another" : ", each round's forks at the same time on CPUs "
                + String.join(" | ", duet.cpus())));
      }
      logLine(log, "# archbench: forks in " + order.name().toLowerCase(Locale.ROOT) + " order, seed " + seed
          + "; " + fork.profile().describe());
      for (int i = 0; i < plan.size(); i++) {
        PlanItem item = plan.get(i);
        List<String> keys = resultKeys(item);
        for (int k = 0; k < keys.size(); k++) {
          String key = keys.get(k);
          BenchmarkResult previous = resumed.get(key);
          if (previous != null && !scheduler.continues(key)) {
            progress.ended(i + 1, item, previous, true);
          } else if (item.isSkipped() && previous == null) {
            BenchmarkResult skipped = BenchmarkResult.skipped(item.workload(), item.spec().name(), item.params(),
                item.threads(), item.spec().unit(), item.spec().higherIsBetter(), item.skipReason()).withKey(key);
            record = record.withResult(skipped);
            progress.ended(i + 1, item, skipped, false);
          }
        }
      }
      final RunRecord beforeForks = record;
      saved(() -> RecordFiles.replace(files.record(), beforeForks), interruption);
      ForkScheduler.Next next;
      forks:
      while (!interruption.requested() && (next = scheduler.next()) != null) {
        List<ForkScheduler.Next> batch = new ArrayList<>(List.of(next));
        if (duet != null && next.variant() != null) {
          batch.addAll(scheduler.restOfRound(next)); // started together, each on its own CPUs
        }
        Outcome[] outcomes = new Outcome[batch.size()];
        double[] seconds = new double[batch.size()];
        Thread[] threads = new Thread[batch.size()];
        for (int b = 0; b < batch.size(); b++) {
          ForkScheduler.Next n = batch.get(b);
          progress.started(n.index(), n.item());
          logLine(log, "\n# archbench: " + n.item().key() + (n.variant() == null ? "" : " variant " + n.variant())
              + " fork " + n.fork() + " (warm-up " + n.plan().warmupIterations() + ", measured "
              + n.plan().measurementIterations() + " iterations)");
          int at = b;
          Runnable fork1 = () -> {
            String startedAt = Clock.now();
            long t0 = env.nanoTime().getAsLong();
            outcomes[at] = runOne(n.item(), n.plan(), executors.get(n.variant()), startedAt, deadline);
            seconds[at] = (env.nanoTime().getAsLong() - t0) / 1e9;
          };
          if (batch.size() == 1) {
            fork1.run();
          } else {
            threads[b] = new Thread(fork1, "archbench-duet-" + n.variant());
            threads[b].start();
          }
        }
        for (Thread t : threads) {
          joinUninterruptibly(t);
        }
        for (int b = 0; b < batch.size(); b++) {
          ForkScheduler.Next n = batch.get(b);
          Outcome outcome = outcomes[b];
          PlanItem item = n.item();
          if (Status.FAILED.equals(outcome.result().status())) {
            awaitSignalDelivery(interruption); // Ctrl-C kills the fork before our handler runs
          }
          if (interruption.requested() && !outcome.result().isOk()) {
            break forks; // the fork in flight was stopped: not a failure of the benchmark
          }
          BenchmarkResult sofar = scheduler.completed(n, outcome.result(), seconds[b]);
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
          if (!saved(() -> jmhJson.append(outcome), interruption)
              || !saved(() -> RecordFiles.replace(files.record(), withFork), interruption)) {
            break forks;
          }
          progress.ended(n.index(), item, sofar, false);
        }
      }
      // Benchmarks the budget stopped between forks carry that reason now.
      for (BenchmarkResult r : scheduler.results()) {
        record = record.withResult(r);
      }
      final RunRecord stopped = record;
      saved(() -> RecordFiles.replace(files.record(), stopped), interruption);
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
      final RunRecord finished = record;
      boolean whole = saved(() -> RecordFiles.replace(files.record(), finished), interruption);
      if (log.firstFailure() != null) {
        progress.note("archbench: the log " + files.log() + " is incomplete: " + log.firstFailure());
      }
      if (interruption.requested()) {
        progress.note("archbench: " + interruption.describe() + "; " + (whole ? "record saved as interrupted"
            : "the record keeps its last complete version") + " (continue with: archbench run --resume "
            + files.record() + (interruption.reason() == Interruption.Reason.CANNOT_WRITE
                ? " once it can be written" : "") + ")");
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

  /**
   * Runs one fork of an item with the executor of its kind ({@link dev.archbench.workload.Execution} is
   * sealed); a variant with a jar of its own runs the same benchmark from that jar.
   */
  private static Outcome runOne(PlanItem item, ForkPlan plan, Executors ex, String startedAt, ForkDeadline deadline) {
    if (item.spec().execution() instanceof ScenarioClass scenario) {
      return ex.scenarios().run(item, scenario, plan, startedAt, deadline);
    }
    if (item.spec().execution() instanceof UserJmhMethod user) {
      VariantRun.Variant v = ex.variant();
      UserJmhMethod method = v == null || v.jmhJar() == null ? user
          : new UserJmhMethod(v.jmhJar(), classPath(v.jmhClasspath()), user.benchmark(), user.mode(), user.threads());
      return ex.userJmh().run(item, method, plan, ex.settings(), startedAt, deadline);
    }
    return ex.jmh().run(item, (JmhMethod) item.spec().execution(), plan, startedAt, deadline);
  }

  /** A {@code --jmh-classpath} value as absolute entries. */
  private static List<String> classPath(String cp) {
    List<String> out = new ArrayList<>();
    if (cp != null) {
      for (String e : cp.split(java.io.File.pathSeparator)) {
        if (!e.isBlank()) {
          out.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
      }
    }
    return out;
  }

  private static void joinUninterruptibly(Thread t) {
    if (t == null) {
      return;
    }
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** {@code --order}, else interleaved where records are for comparison (all but smoke). */
  private ForkOrder order() {
    if (req.order() != null) {
      return req.order();
    }
    return req.profile() == Profile.SMOKE ? ForkOrder.SEQUENTIAL : ForkOrder.INTERLEAVED;
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

  private Progress progress(List<PlanItem> plan, String hostKey, java.util.function.DoubleSupplier eta) {
    Progress.Mode mode = req.progress();
    if (mode == Progress.Mode.TTY && !req.verbose()) {
      return new TtyProgress(env.err(), plan, hostKey, env.nanoTime(), true, eta);
    }
    return new PlainProgress(env.err(), plan, hostKey, mode == Progress.Mode.QUIET, env.nanoTime(), eta);
  }

  private RunLog openLog(Path log) throws IOException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    OutputStream file = new FileOutputStream(log.toFile(), true);
    return new RunLog(req.verbose() ? new TeeOutputStream(file, env.out()) : file);
  }

  /**
   * Runs one write of the run's files; when it fails (a full disk, an I/O error) the previous version of
   * the file is intact ({@link RecordFiles#writeAtomically}) and the run stops as interrupted, so that
   * {@code --resume} continues it once the disk has room. False when the write failed.
   */
  private static boolean saved(Runnable write, Interruption interruption) {
    try {
      write.run();
      return true;
    } catch (RecordException e) {
      interruption.request(Interruption.Reason.CANNOT_WRITE, e.getMessage());
      return false;
    }
  }

  private static void logLine(OutputStream log, String line) throws IOException {
    synchronized (log) {
      log.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      log.flush();
    }
  }
}
