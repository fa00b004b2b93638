package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.Args;
import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.execute.JmhOptions;
import dev.archbench.harness.runner.lifecycle.BuildCommit;
import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.lifecycle.HostWarnings;
import dev.archbench.harness.runner.lifecycle.OutputDirectory;
import dev.archbench.harness.runner.lifecycle.RunFiles;
import dev.archbench.harness.runner.lifecycle.RunLock;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.DryRunTable;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.runner.plan.Planner;
import dev.archbench.harness.runner.plan.PrecisionModel;
import dev.archbench.harness.runner.plan.Selection;
import dev.archbench.harness.runner.plan.ThreadCounts;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.random.SplitMix64;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunInfo;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.RunRecord;
import dev.archbench.record.VariantRun;
import dev.archbench.workload.Profile;
import dev.archbench.workload.WorkloadContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs a plan and keeps its record on disk current: created at the start with status
 * {@code running}, atomically replaced after every benchmark (so {@code kill -9} loses at most the
 * benchmark in flight), and finished as {@code completed} or {@code interrupted}. A failing
 * benchmark is recorded and the run goes on; SIGINT, SIGTERM and spot notices stop the benchmark in
 * flight and flush. The caller (the CLI) reports the {@link RunOutcome} and chooses the exit code.
 */
public final class RunEngine {
  /** Warning code: {@code --duet} was asked but the host cannot pin the forks apart. */
  public static final String DUET_UNAVAILABLE = "duet-unavailable";

  private final RunRequest req;
  /** What runs ({@code req.benchmarks()}). */
  private final RunRequest.Benchmarks what;
  private final RunEnvironment env;
  private final WorkloadCatalog catalog;
  private final JmhIndex index;
  /** {@code --jmh}, parsed once. */
  private final CommandLineOptions rawJmh;
  /** The profile's settings with {@code --jmh} and the request's precision and budget, built once. */
  private final ProfileSettings settings;

  /** IllegalArgumentException for a {@code --jmh} that JMH refuses. */
  public RunEngine(RunRequest req, RunEnvironment env, WorkloadCatalog catalog, JmhIndex index) {
    this.req = req;
    this.what = req.benchmarks();
    this.env = env;
    this.catalog = catalog;
    this.index = index;
    this.rawJmh = JmhOptions.parse(req.jvm().jmh());
    this.settings = req.measurement().applyTo(ProfileSettings.of(what.profile()).overriddenBy(rawJmh));
  }

  /** The plan for this request on {@code host}; IllegalArgumentException for bad options. */
  public List<PlanItem> plan(Host host) {
    WorkloadContext ctx = new WorkloadContext(host, what.workDir(), what.options());
    List<Integer> threads = what.threads() == null ? List.of() : ThreadCounts.parse(what.threads(), ctx.cpus());
    Selection selection = Selection.of(what.workloads(), what.includes(), what.excludes());
    List<PlanItem> plan = new Planner(index).plan(selection.workloadsOf(catalog), selection,
        what.grid().paramsOf(what.profile()),
        threads, JmhOptions.paramOverrides(rawJmh, Args.split(req.jvm().jmh())), settings, ctx);
    plan = plan.stream().filter(i -> catalog.byId(i.workload()).map(w -> what.grid().includes(w, i.spec()))
        .orElse(true)).toList();
    if (plan.isEmpty()) {
      throw new IllegalArgumentException("nothing to run: no benchmark of the selected workloads matches"
          + " the selection in profile " + what.profile().id() + ", grid " + what.grid().id()
          + (what.grid() == Grid.CORE ? " (--grid representative runs more; see 'archbench list')"
              : " (see 'archbench list')"));
    }
    return plan;
  }

  /**
   * {@code --dry-run}: the plan, and per benchmark the forks, precision and time it can expect from
   * the {@link PrecisionModel} (measured defaults, or {@code history}: earlier records of this host,
   * read once the plan is made), simulated round by round within the budget as the run will go.
   */
  public void dryRun(Supplier<List<RunRecord>> history) {
    List<PlanItem> plan = plan(env.host().get());
    new DryRunTable(env.out()).print(plan, PrecisionModel.of(history.get()).predict(plan, settings), settings,
        what.profile(), what.grid(), req.variants());
  }

  /** A new run, recorded as made by {@code harnessVersion}. */
  public RunOutcome run(String harnessVersion) {
    Host here = env.host().get();
    // Two hosts: the record speaks for the server (its agent's fingerprint), the load host beside it.
    Optional<TwoHostRun> twoHosts = TwoHostRun.of(what.options());
    Host host = twoHosts.map(TwoHostRun::serverHost).orElse(here);
    List<PlanItem> plan = plan(host);
    List<Warning> warnings = new ArrayList<>(HostWarnings.detect(env.roots(), env.env()));
    warnings.addAll(forkWarnings(here));
    String id = UUID.randomUUID().toString();
    RunInfo info = new RunInfo(id, Clock.now(), null, RunInfo.RUNNING, harnessVersion, BuildCommit.current(),
        req.output().commandLine(), what.profile().id(), req.output().label(),
        what.profile() != Profile.SMOKE && warnings.stream().noneMatch(w -> HostWarnings.EMULATED.equals(w.code())),
        List.copyOf(warnings));
    RunFiles files = new RunFiles(req.output().outDir(), id);
    RunRecord record = twoHosts.isPresent() ? RunRecord.start(host, info, twoHosts.get().loadHost(here, env))
        : RunRecord.start(host, info);
    if (req.variants() != null) {
      record = record.withVariants(new VariantRun(SplitMix64.seedOf(id),
          req.variants().threshold(), null, req.variants().variants(), List.of()));
    }
    OutputDirectory.prepare(req.output().outDir());
    try (RunLock lock = RunLock.acquire(files)) {
      try {
        RecordFiles.create(files.record(), record);
      } catch (RecordException e) {
        // Nothing has run and no record exists: a full or unwritable --out is the user's to fix.
        throw new IllegalArgumentException("--out " + req.output().outDir() + ": " + e.getMessage());
      }
      return execute(files, record, plan, Set.of(), warnings);
    }
  }

  /** Continues the run in {@code file}: keeps its results, runs the rest. */
  public RunOutcome resume(Path file, RunRecord existing) {
    ResumeChecks.check(file, existing, env.host().get(), what.options());
    List<PlanItem> plan = plan(existing.host());
    Set<String> kept = new java.util.HashSet<>();
    existing.results().forEach(r -> kept.add(r.key()));
    List<Warning> warnings = ResumeChecks.warnings(existing, HostWarnings.detect(env.roots(), env.env()));
    RunInfo old = existing.run();
    RunInfo info = new RunInfo(old.id(), old.startedAt(), null, RunInfo.RUNNING, old.harnessVersion(),
        old.gitCommit(), old.commandLine(), old.profile(), old.label(), old.comparable(), List.copyOf(warnings));
    RunRecord record = existing.withRun(info);
    RunFiles files = new RunFiles(file.toAbsolutePath().getParent(), old.id());
    try (RunLock lock = RunLock.acquire(files)) {
      try {
        RecordFiles.replace(file, record);
      } catch (RecordException e) {
        throw new IllegalArgumentException(e.getMessage() + " (the record is unchanged; resume again once it can"
            + " be written)");
      }
      return execute(files, record, plan, kept, warnings);
    }
  }

  private List<Warning> forkWarnings(Host host) {
    List<Warning> out = new ArrayList<>();
    List<String> recorded = host.jvm() == null ? List.of() : host.jvm().arguments();
    HostWarnings.forkJvmFlags(recorded, userJvmArgs(req.jvm().jvmArgs())).ifPresent(out::add);
    if (Fingerprinter.EMULATED.equals(host.virtualization())) {
      out.add(new Warning(HostWarnings.EMULATED, "archbench runs under user-mode emulation ("
          + host.arch() + " code on other hardware): results prove correctness only, never compare them"));
    }
    if (req.jvm().java() != null) {
      out.add(new Warning(HostWarnings.FORK_JVM, "benchmark JVMs are " + req.jvm().java()
          + ", the fingerprint records the JVM archbench runs on (" + System.getProperty("java.home") + ")"));
    }
    return out;
  }

  /** {@code jvmArgs} (a {@code --jvm-args} value) plus those inside {@code --jmh}. */
  private List<String> userJvmArgs(String jvmArgs) {
    List<String> args = new ArrayList<>(Args.split(jvmArgs));
    args.addAll(JmhOptions.jvmArgs(rawJmh));
    return args;
  }

  private RunOutcome execute(RunFiles files, RunRecord start, List<PlanItem> plan, Set<String> kept,
      List<Warning> warnings) {
    ForkSettings fork = new ForkSettings(settings, rawJmh, req.jvm().java(), userJvmArgs(req.jvm().jvmArgs()),
        what.options(), what.workDir());
    try (DuetPins duet = DuetPins.of(req.variants(), env, warnings)) {
      RunRecord record = start;
      if (req.variants() != null) {
        VariantRun before = start.variants();
        record = start.withVariants(new VariantRun(SplitMix64.seedOf(files.runId()),
            req.variants().threshold(), duet.duet, req.variants().variants(),
            before == null ? List.of() : before.benchmarks()));
      }
      ForkOrder order = req.measurement().order().orElse(ForkOrder.defaultFor(what.profile()));
      long seed = SplitMix64.seedOf(files.runId());
      Map<String, BenchmarkResult> resumed = new HashMap<>();
      record.results().stream().filter(r -> kept.contains(r.key())).forEach(r -> resumed.put(r.key(), r));
      ForkDeadline deadline = ForkDeadline.of(settings.budget(), req.measurement().forkGrace(), env.nanoTime());
      ForkScheduler.Variants variants = req.variants() == null ? null
          : new ForkScheduler.Variants(req.variants().names(), req.variants().threshold(), record.variants());
      // Warm-up is learned from fork to fork unless --jmh fixes the iterations.
      boolean learnWarmup = !rawJmh.getMeasurementIterations().hasValue() && !rawJmh.getWarmupIterations().hasValue();
      ForkScheduler scheduler = new ForkScheduler(plan, settings, order, seed, env.nanoTime(), record.hostKey(),
          resumed, learnWarmup, variants);
      RunExecutors.Factory executors = (log, note, stopped) -> {
        if (req.variants() == null) {
          return RunExecutors.single(fork, index, log, note, stopped);
        }
        Map<VariantRun.Variant, ForkSettings> forks = new LinkedHashMap<>();
        for (VariantRun.Variant v : req.variants().variants()) {
          Path pinned = duet.java(v.name());
          forks.put(v, new ForkSettings(settings, rawJmh, pinned != null ? pinned.toString() : v.jvm(),
              userJvmArgs(v.jvmArgs()), what.options(), what.workDir()));
        }
        return RunExecutors.perVariant(forks, index, log, note, stopped);
      };
      return new ForkLoop(new ForkLoop.Setup(req, env, files, plan, scheduler, deadline, resumed, warnings, duet,
          order, seed, settings, executors)).run(record);
    }
  }
}
