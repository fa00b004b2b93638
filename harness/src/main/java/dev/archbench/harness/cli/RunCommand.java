package dev.archbench.harness.cli;

import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.runner.RunEngine;
import dev.archbench.harness.runner.RunEnvironment;
import dev.archbench.harness.runner.RunOutcome;
import dev.archbench.harness.runner.RunRequest;
import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.lifecycle.Terminal;
import dev.archbench.harness.runner.measure.MeasurementPolicy;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.userjmh.UserJar;
import dev.archbench.harness.userjmh.UserJmhWorkload;
import dev.archbench.record.VariantRun;
import dev.archbench.workload.Profile;
import dev.archbench.workload.UnsatisfiableRequest;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.web.ServiceWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archbench run}: parses the options once into a {@link RunRequest}, runs it with the
 * {@link RunEngine}, writes the run's own report and chooses the exit code.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs the selected benchmarks (JMH, one forked JVM per fork) and writes",
      "DIR/<run-id>.json (the run record, updated after every fork),",
      "DIR/<run-id>.jmh.json (JMH's JSON) and DIR/<run-id>.log.",
      "",
      "A profile is a precision target (the 95%% interval's half-width) within a",
      "budget for the whole run: each benchmark runs forks, interleaved with the",
      "others' in a seeded random order, until it reaches the target, its fork cap,",
      "or the budget has no room for another fork. A fork is one series of equal",
      "iterations: warm-up until the JIT is quiet and the scores steady (learned",
      "from the first forks, at most the cap), then the measured ones. Forks that",
      "never became steady are kept in the record but left out of the score.",
      "  smoke     no target, 1 fork, 4 min budget; warm-up <= 1 s, 2 x 1 s",
      "  quick     ±5%%, 3-8 forks, 10 min budget; warm-up <= 15 s, 5 x 500 ms",
      "  standard  ±2%%, 4-20 forks, 1 h budget; warm-up <= 40 s, 6 x 1 s",
      "  full      ±1%%, 5-40 forks, 6 h budget; warm-up <= 2 min, 10 x 2 s",
      "quick runs the core grid (a few benchmarks per workload), the others the",
      "representative grid (--grid).",
      "--dry-run prints the plan: per benchmark the forks, precision and time to",
      "expect. --jmh options (e.g. \"-f 5 -wi 3 -prof gc\") override a profile.",
      "--variant NAME='OPTIONS' (twice or more; the first is the baseline) runs",
      "variants of the same benchmarks on this host: every round runs one fork of",
      "each, back to back in a seeded random order (--duet: at the same time on",
      "their own CPUs); a benchmark stops once every variant's ratio to the",
      "baseline is decided. 'archbench compare RECORD' compares them pair by pair.",
      ""
    },
    footer = {
      "",
      "Exit codes: 0 all ok (skipped is ok), 1 a benchmark failed, 2 usage, 130 SIGINT, 143 SIGTERM or",
      "EC2 spot interruption notice. Interrupted runs are saved; continue them with --resume."
    })
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--workloads", split = ",", paramLabel = "ID",
      description = "Workloads to run (default: all that are not hidden), e.g. web,compression.")
  List<String> workloads = new ArrayList<>();

  @Option(names = "--include", paramLabel = "REGEX",
      description = "Only benchmarks whose workload/benchmark name matches (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "REGEX",
      description = "Leave out benchmarks whose workload/benchmark name matches (repeatable).")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--profile", paramLabel = "NAME", defaultValue = "quick",
      description = "smoke, quick, standard or full (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--threads", paramLabel = "LIST",
      description = "Thread-scaling series for benchmarks that scale: numbers, max, half, 2x (e.g. 1,2,max).")
  String threads;

  @Mixin JvmFlags jvmFlags = new JvmFlags();

  @Option(names = "--label", paramLabel = "NAME", description = "A label stored in the record.")
  String label;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "results",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = WorkloadOptions.DEFAULT_WORK_DIR,
      description = "Work directory for caches such as models (default: ${DEFAULT-VALUE}).")
  Path workDir;

  @Option(names = "--resume", paramLabel = "RUN_ID|FILE",
      description = "Continue an interrupted run: keeps its results and runs the rest with its original options,"
          + " within the rest of its original budget unless --budget is given.")
  String resume;

  @Option(names = "--dry-run", description = "Print the plan (benchmarks, parameters, estimated duration) and exit.")
  boolean dryRun;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "auto (a live line on a terminal, else plain lines), tty or plain.")
  String progress;

  @Option(names = {"-q", "--quiet"}, description = "Print only errors and the record's path.")
  boolean quiet;

  @Option(names = {"-v", "--verbose"}, description = "Also show JMH's own output (always in the log).")
  boolean verbose;

  @Option(names = "--on-interrupt", paramLabel = "CMD",
      description = "Shell command run after an interrupted run is saved (env ARCHBENCH_RECORD, ARCHBENCH_JMH_JSON,"
          + " ARCHBENCH_LOG, ARCHBENCH_RUN_ID, ARCHBENCH_INTERRUPT); default: $ARCHBENCH_ON_INTERRUPT.")
  String onInterrupt;
  @Mixin WorkloadFlags workloadFlags = new WorkloadFlags();

  @Option(names = "--precision", paramLabel = "PCT",
      description = "Target half-width of each result's 95%% interval, relative to its score (e.g. 2 or 2%%):"
          + " forks are added until it is reached (default: the profile's; 0 or none: no target).")
  String precision;

  @Option(names = "--budget", paramLabel = "DURATION",
      description = "Wall-clock cap for the whole run, e.g. 45m, 1h30m (default: the profile's).")
  String budget;

  @Option(names = "--order", paramLabel = "ORDER",
      description = "interleaved (forks of all benchmarks in a seeded random order; default but for smoke)"
          + " or sequential.")
  String order;

  @Option(names = "--grid", paramLabel = "GRID",
      description = "core (each workload's few first-answer benchmarks; quick's default), representative"
          + " (each workload's chosen parameter sets; the default of the other profiles) or full (every combination).")
  String grid;

  @Option(names = "--history", paramLabel = "FILE|DIR",
      description = "Earlier records of this host: --dry-run estimates precision from their variances.")
  List<Path> history = new ArrayList<>();

  @Option(names = "--jmh-jar", paramLabel = "FILE",
      description = "Your JMH benchmarks: the jar the JMH archetype builds (benchmarks.jar), or a plain jar with"
          + " --jmh-classpath; run with the jar's own JMH. Its workload id is the file name without .jar.")
  Path jmhJar;

  @Option(names = "--jmh-classpath", paramLabel = "CP",
      description = "With --jmh-jar: the jar's dependencies (JMH included), ':'-separated.")
  String jmhClasspath;
  @Mixin TargetFlags targetFlags = new TargetFlags();

  @Mixin VariantFlags variantFlags = new VariantFlags();

  /** Test hook: how often the spot watcher asks IMDS (default 5000). */
  @Option(names = "--spot-poll-ms", hidden = true, defaultValue = "5000")
  long spotPollMs;

  /** Test hook: the time a child JVM gets beyond its planned time before its deadline (default 60000). */
  @Option(names = "--fork-grace-ms", hidden = true, defaultValue = "60000")
  long forkGraceMs;

  /** The budget a resumed run gets unless {@code --budget} is given again: the rest of the original one. */
  Duration resumeBudget;

  /** {@code --variant} resolved once (empty without variants). */
  private List<VariantRun.Variant> resolvedVariants = List.of();

  /** Whether the run writes its own report (not when tests run the command). */
  private boolean writeReport;

  @Override
  public Integer call() {
    RunEnvironment env = new RunEnvironment(
        () -> Fingerprinter.collect(HostRoots.system(), System.getenv()), HostRoots.system(), System.getenv(),
        spec.commandLine().getOut(), spec.commandLine().getErr(), Terminal.isInteractive(), System::nanoTime,
        true);
    writeReport = true;
    return call(env);
  }

  /** Runs with the given environment (tests inject host, roots, env and signal handling). */
  public int call(RunEnvironment env) {
    try {
      if (resume != null) {
        RunResume r = RunResume.of(this, env);
        WorkloadCatalog catalog = r.original().catalog();
        RunRequest req = r.original().request(env, r.commandLine());
        return report(env, new RunEngine(req, env, catalog, JmhIndex.load()).resume(r.file(), r.existing()));
      }
      FreeText.check("--label", label); // before a jar is listed; a resumed run keeps its recorded label
      WorkloadCatalog catalog = catalog();
      RunEngine engine = new RunEngine(request(env, originalArgs()), env, catalog, JmhIndex.load());
      if (dryRun) {
        engine.dryRun(() -> RunOptionValues.history(history));
        return ExitCodes.OK;
      }
      return report(env, engine.run(ArchbenchCommand.ManifestVersion.version()));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    } catch (UnsatisfiableRequest e) {
      throw new UserException(e.getMessage(), ExitCodes.FAILURE);
    }
  }

  private int report(RunEnvironment env, RunOutcome outcome) {
    return AfterRun.report(outcome, env.out(), env.err(), writeReport);
  }

  /**
   * The workloads on the class path, plus the user's jar ({@code --jmh-jar}), which a run then selects
   * alone unless {@code --workloads} says otherwise. A jar that cannot be listed stops here (exit 1).
   */
  WorkloadCatalog catalog() {
    WorkloadCatalog found = WorkloadCatalog.discover();
    resolvedVariants = variantFlags.resolved(jmhJar, jmhClasspath, jvmFlags.jvm, jvmFlags.jvmArgs);
    List<VariantRun.Variant> resolved = resolvedVariants;
    Path jar = jmhJar;
    String jarClassPath = jmhClasspath;
    if (!resolved.isEmpty() && resolved.get(0).jmhJar() != null) {
      // The baseline's jar lists the benchmarks; every other variant runs them from its own jar.
      for (VariantRun.Variant v : resolved.subList(1, resolved.size())) {
        if (!v.jmhJar().equals(resolved.get(0).jmhJar())) {
          try {
            UserJar.inspect(Path.of(v.jmhJar()), v.jmhClasspath(), v.jvm() != null ? v.jvm() : jvmFlags.forkJava());
          } catch (IllegalArgumentException e) {
            throw new UserException("--variant " + v.name() + ": " + e.getMessage(), ExitCodes.FAILURE);
          }
        }
      }
      jar = Path.of(resolved.get(0).jmhJar());
      jarClassPath = resolved.get(0).jmhClasspath();
    }
    targetFlags.checkTarget();
    if (targetFlags.target != null && workloads.isEmpty() && jar == null) {
      workloads = new ArrayList<>(List.of(ServiceWorkload.ID));
    }
    workloads = targetFlags.checkTwoHosts(workloads, variantFlags.variants, jmhJar);
    if (jar == null) {
      if (jarClassPath != null) {
        throw new UserException("--jmh-classpath needs --jmh-jar", ExitCodes.USAGE);
      }
      return found;
    }
    UserJmhWorkload user;
    try {
      user = new UserJmhWorkload(UserJar.inspect(jar, jarClassPath, jvmFlags.forkJava()));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.FAILURE);
    }
    if (found.byId(user.id()).isPresent()) {
      throw new UserException("--jmh-jar: the workload id " + user.id() + " (from the file name) is a built-in"
          + " workload's; rename the jar", ExitCodes.USAGE);
    }
    if (workloads.isEmpty()) {
      workloads = new ArrayList<>(List.of(user.id()));
      if (targetFlags.target != null) {
        workloads.add(ServiceWorkload.ID);
      }
    }
    List<Workload> all = new ArrayList<>(found.all());
    all.add(user);
    return new WorkloadCatalog(all);
  }

  private List<String> originalArgs() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int at = args.indexOf("run");
    List<String> cl = new ArrayList<>(List.of("archbench", "run"));
    cl.addAll(at >= 0 ? args.subList(at + 1, args.size()) : args);
    return cl;
  }

  /** Every option parsed once into what the runner takes (after {@link #catalog()}). */
  RunRequest request(RunEnvironment env, List<String> commandLine) {
    Profile p = RunOptionValues.profile(profile);
    Map<String, String> options = new LinkedHashMap<>();
    workloadFlags.addTo(options);
    targetFlags.addTo(options);
    var output = new RunRequest.Output(label, out, commandLine,
        RunOptionValues.progress(progress, quiet, env.console()), verbose, onInterrupt, Duration.ofMillis(spotPollMs));
    MeasurementPolicy.Target target = RunOptionValues.precision(precision);
    Duration budgetLimit = budget == null ? resumeBudget : RunOptionValues.budget(budget);
    MeasurementPolicy measurement = new MeasurementPolicy(target, Optional.ofNullable(budgetLimit),
        RunOptionValues.order(order), Duration.ofMillis(forkGraceMs));
    var benchmarks = new RunRequest.Benchmarks(p, grid == null ? Grid.defaultFor(p) : Grid.of(grid), workloads,
        includes, excludes, threads, options, workDir);
    return new RunRequest(benchmarks, jvmFlags.request(), output, measurement, variantFlags.request(resolvedVariants));
  }
}
