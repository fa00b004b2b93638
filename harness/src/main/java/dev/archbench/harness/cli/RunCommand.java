package dev.archbench.harness.cli;

import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.RunEngine;
import dev.archbench.harness.runner.RunEnvironment;
import dev.archbench.harness.runner.RunRequest;
import dev.archbench.harness.runner.Durations;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.harness.runner.plan.Grid;
import dev.archbench.harness.runner.lifecycle.Terminal;
import dev.archbench.harness.runner.plan.VariantOptions;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.record.VariantRun;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.userjmh.UserJar;
import dev.archbench.harness.userjmh.UserJmhWorkload;
import dev.archbench.workloads.web.ServiceWorkload;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import dev.archbench.workload.Profile;
import dev.archbench.workload.UnsatisfiableRequest;
import dev.archbench.workload.WorkloadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench run}: runs workloads with JMH and writes the run record. */
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
      "  smoke     no target, 1 fork, 3 min budget; warm-up <= 1 s, 2 x 1 s",
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

  @Option(names = "--jvm", paramLabel = "PATH",
      description = "java executable for the benchmark JVMs (e.g. a qemu-aarch64 wrapper).")
  String jvm;

  @Option(names = "--jvm-args", paramLabel = "ARGS", description = "Extra arguments for the benchmark JVMs.")
  String jvmArgs;

  @Option(names = "--jmh", paramLabel = "OPTIONS",
      description = "Raw JMH options (forks, iterations, times, -p, -prof ...); they override the profile.")
  String jmh;

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

  @Option(names = "--corpus", paramLabel = "PATH", description = "compression: your own file or directory.")
  String corpus;

  @Option(names = "--device", paramLabel = "DEVICE", description = "inference: cpu, gpu, neuron or auto.")
  String device;

  @Option(names = "--python", paramLabel = "PATH", description = "inference: Python with torch for TorchScript export.")
  String python;

  @Option(names = "--model", paramLabel = "PATH", description = "inference: your own .onnx or .pt model.")
  String model;

  @Option(names = "--neuron-env", paramLabel = "DIR", description = "inference: a Neuron SDK virtual environment.")
  String neuronEnv;

  @Option(names = "--p99-target-ms", paramLabel = "MS", description = "web: the knee's p99 latency target.")
  String p99TargetMs;

  @Option(names = "--latency-bound-ms", paramLabel = "MS", description = "inference: the server scenario's p99 bound.")
  String latencyBoundMs;

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

  @Option(names = "--target", paramLabel = "URL",
      description = "Your HTTP service (http://HOST:PORT/PATH): the closed-loop series and the knee under archbench's"
          + " load generator, as workload 'service'.")
  String target;

  @Option(names = "--target-request", paramLabel = "FILE",
      description = "With --target: the request to send, an HTTP message (METHOD [PATH], headers, blank line,"
          + " body or '< FILE'); default GET of the URL.")
  String targetRequest;

  @Option(names = "--target-status", paramLabel = "CODE",
      description = "With --target: the status every answer must have (default 200).")
  String targetStatus;

  @Option(names = "--target-pid", paramLabel = "PID",
      description = "With --target: the service's process; its CPU time and its children's (from /proc) go into"
          + " the record as requests per CPU-second.")
  String targetPid;

  @Option(names = "--target-agent", paramLabel = "URL",
      description = "With --target, the service on another host: 'archbench agent' beside it (http://HOST:PORT)."
          + " The record is the service's host (fingerprint, price), its CPU per request comes from the agent,"
          + " and knee steps where this load generator was too busy are marked.")
  String targetAgent;

  @Option(names = "--server", paramLabel = "URL",
      description = "web: 'archbench serve web' on another host (http://HOST:PORT): the closed-loop series and the"
          + " knee across the network. The record is the server's host (fingerprint, price, CPU per request"
          + " from its agent), this host is recorded as the load host, and knee steps where it was too busy"
          + " are marked.")
  String server;

  @Option(names = "--variant", paramLabel = "NAME='OPTIONS'",
      description = "A variant to compare on this host (repeatable, at least two; the first is the baseline):"
          + " OPTIONS are the options that differ, any of --jmh-jar, --jmh-classpath, --jvm, --jvm-args (the rest is"
          + " shared). Each round runs one fork of every variant back to back in a seeded random order;"
          + " 'archbench compare RECORD' then compares them pair by pair.")
  List<String> variants = new ArrayList<>();

  @Option(names = "--duet",
      description = "With --variant and --jmh-jar: run a round's forks at the same time, each variant on its own"
          + " CPUs (taskset), where the host has a CPU per variant; else one after another (the record says which).")
  boolean duet;

  @Option(names = "--threshold", paramLabel = "PERCENT",
      description = "With --variant: the smallest change that matters (default 5%%): a benchmark stops once every"
          + " variant's ratio to the baseline differs (99%% interval) or lies within it.")
  String threshold;

  /** Test hook: how often the spot watcher asks IMDS (default 5000). */
  @Option(names = "--spot-poll-ms", hidden = true, defaultValue = "5000")
  long spotPollMs;

  /** Test hook: the time a child JVM gets beyond its planned time before its deadline (default 60000). */
  @Option(names = "--fork-grace-ms", hidden = true, defaultValue = "60000")
  long forkGraceMs;

  /** Options a resumed run may set; everything else comes from the record. */
  private static final Set<String> RESUME_OPTIONS = Set.of("--resume", "--out", "--progress", "--quiet",
      "--verbose", "--on-interrupt", "--spot-poll-ms", "--budget",
      "--fork-grace-ms");

  /** A resumed run's budget when the original deadline has passed: its remaining benchmarks get one fork each. */
  private static final Duration NO_BUDGET_LEFT = Duration.ofSeconds(1);

  /** The budget a resumed run gets unless {@code --budget} is given again: the rest of the original one. */
  private Duration resumeBudget;

  @Override
  public Integer call() {
    RunEnvironment env = new RunEnvironment(
        () -> Fingerprinter.collect(HostRoots.system(), System.getenv()), HostRoots.system(), System.getenv(),
        spec.commandLine().getOut(), spec.commandLine().getErr(), Terminal.isInteractive(), System::nanoTime,
        true, new AfterRun());
    return call(env);
  }

  /** Runs with the given environment (tests inject host, roots, env and signal handling). */
  public int call(RunEnvironment env) {
    try {
      if (resume != null) {
        return resume(env);
      }
      FreeText.check("--label", label); // before a jar is listed; a resumed run keeps its recorded label
      WorkloadCatalog catalog = catalog();
      RunEngine engine = new RunEngine(request(env, originalArgs()), env, catalog, JmhIndex.load());
      return dryRun ? engine.dryRun() : engine.run();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    } catch (UnsatisfiableRequest e) {
      throw new UserException(e.getMessage(), ExitCodes.FAILURE);
    }
  }

  private int resume(RunEnvironment env) {
    List<String> extra = spec.commandLine().getParseResult().matchedOptions().stream()
        .map(o -> o.longestName()).filter(n -> !RESUME_OPTIONS.contains(n)).distinct().toList();
    if (!extra.isEmpty()) {
      throw new UserException("--resume continues a run with its original options; remove "
          + String.join(", ", extra), ExitCodes.USAGE);
    }
    Path file = resume.endsWith(".json") || resume.contains("/") ? Path.of(resume) : out.resolve(resume + ".json");
    if (!Files.exists(file)) {
      throw new UserException(file + ": no such run record to resume", ExitCodes.USAGE);
    }
    RunRecord existing;
    try {
      existing = RecordFiles.read(file);
    } catch (dev.archbench.record.RecordException e) {
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
    original.progress = progress;
    original.quiet = quiet;
    original.verbose = verbose;
    original.onInterrupt = onInterrupt;
    original.spotPollMs = spotPollMs;
    original.forkGraceMs = forkGraceMs;
    original.label = existing.run().label();
    if (budget != null) {
      original.budget = budget;
    } else {
      original.resumeBudget = restOfBudget(original, existing.run().startedAt(), env);
    }
    WorkloadCatalog catalog = original.catalog();
    RunRequest req = original.request(env, cl);
    return new RunEngine(req, env, catalog, JmhIndex.load()).resume(file, existing);
  }

  /**
   * The workloads on the class path, plus the user's jar ({@code --jmh-jar}), which a run then selects
   * alone unless {@code --workloads} says otherwise. A jar that cannot be listed stops here (exit 1).
   */
  WorkloadCatalog catalog() {
    WorkloadCatalog found = WorkloadCatalog.discover();
    List<VariantRun.Variant> resolved = resolvedVariants();
    Path jar = jmhJar;
    String jarClassPath = jmhClasspath;
    if (!resolved.isEmpty() && resolved.get(0).jmhJar() != null) {
      // The baseline's jar lists the benchmarks; every other variant runs them from its own jar.
      for (VariantRun.Variant v : resolved.subList(1, resolved.size())) {
        if (!v.jmhJar().equals(resolved.get(0).jmhJar())) {
          try {
            UserJar.inspect(Path.of(v.jmhJar()), v.jmhClasspath(), v.jvm() != null ? v.jvm() : forkJava());
          } catch (IllegalArgumentException e) {
            throw new UserException("--variant " + v.name() + ": " + e.getMessage(), ExitCodes.FAILURE);
          }
        }
      }
      jar = Path.of(resolved.get(0).jmhJar());
      jarClassPath = resolved.get(0).jmhClasspath();
    }
    if (target == null && (targetRequest != null || targetStatus != null || targetPid != null)) {
      throw new UserException("--target-request, --target-status and --target-pid need --target", ExitCodes.USAGE);
    }
    if (target != null && workloads.isEmpty() && jar == null) {
      workloads = new ArrayList<>(List.of(ServiceWorkload.ID));
    }
    checkTwoHosts();
    if (jar == null) {
      if (jarClassPath != null) {
        throw new UserException("--jmh-classpath needs --jmh-jar", ExitCodes.USAGE);
      }
      return found;
    }
    UserJmhWorkload user;
    try {
      user = new UserJmhWorkload(UserJar.inspect(jar, jarClassPath, forkJava()));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.FAILURE);
    }
    if (found.byId(user.id()).isPresent()) {
      throw new UserException("--jmh-jar: the workload id " + user.id() + " (from the file name) is a built-in"
          + " workload's; rename the jar", ExitCodes.USAGE);
    }
    if (workloads.isEmpty()) {
      workloads = new ArrayList<>(List.of(user.id()));
      if (target != null) {
        workloads.add(ServiceWorkload.ID);
      }
    }
    List<dev.archbench.workload.Workload> all = new ArrayList<>(found.all());
    all.add(user);
    return new WorkloadCatalog(all);
  }

  /**
   * A two-host run's record speaks for the server's host, so only the load scenarios that drive
   * that server may run in it: everything else would measure this host under the server's name.
   */
  private void checkTwoHosts() {
    if (targetAgent != null && target == null) {
      throw new UserException("--target-agent needs --target", ExitCodes.USAGE);
    }
    if (targetAgent != null && targetPid != null) {
      throw new UserException("--target-pid reads a process on this host; with --target-agent the agent reads the"
          + " service's CPU on its own host (archbench agent --pid PID there)", ExitCodes.USAGE);
    }
    if (server != null && target != null) {
      throw new UserException("--server and --target drive one server each; run them separately", ExitCodes.USAGE);
    }
    String only = server != null ? "web" : targetAgent != null ? ServiceWorkload.ID : null;
    if (only == null) {
      return;
    }
    if (!variants.isEmpty()) {
      throw new UserException("--variant compares builds or JVM settings on this host; a run with "
          + (server != null ? "--server" : "--target-agent") + " is recorded as the server's host", ExitCodes.USAGE);
    }
    if (jmhJar != null) {
      throw new UserException("--jmh-jar runs on this host; a run with " + (server != null ? "--server" : "--target-agent")
          + " is recorded as the server's host", ExitCodes.USAGE);
    }
    if (workloads.isEmpty()) {
      workloads = new ArrayList<>(List.of(only));
    } else if (!workloads.equals(List.of(only))) {
      throw new UserException((server != null ? "--server" : "--target-agent") + " runs workload '" + only
          + "' alone: the record is the server's host, and other workloads would measure this one",
          ExitCodes.USAGE);
    }
    try {
      dev.archbench.workloads.web.agent.AgentClient.parse(server != null ? "--server" : "--target-agent",
          server != null ? server : targetAgent);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /**
   * {@code --variant} resolved against the shared options (empty without variants); bad ones are an
   * IllegalArgumentException with one line.
   */
  private List<VariantRun.Variant> resolvedVariants() {
    if (variants.isEmpty()) {
      if (duet || threshold != null) {
        throw new UserException((duet ? "--duet" : "--threshold") + " needs --variant", ExitCodes.USAGE);
      }
      return List.of();
    }
    try {
      List<VariantRun.Variant> out = new ArrayList<>();
      for (VariantRun.Variant v : VariantOptions.parseAll(variants)) {
        out.add(VariantOptions.resolved(v, jmhJar == null ? null : jmhJar.toString(), jmhClasspath, jvm, jvmArgs));
      }
      VariantOptions.checkSameKind(out);
      if (duet && out.get(0).jmhJar() == null) {
        throw new IllegalArgumentException("--duet runs the variants of a --jmh-jar side by side (archbench's own"
            + " JMH benchmarks run one JMH at a time); give each variant a --jmh-jar, or leave out --duet");
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  private String forkJava() {
    return jvm != null ? jvm : Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private List<String> originalArgs() {
    List<String> args = spec.commandLine().getParseResult().originalArgs();
    int at = args.indexOf("run");
    List<String> cl = new ArrayList<>(List.of("archbench", "run"));
    cl.addAll(at >= 0 ? args.subList(at + 1, args.size()) : args);
    return cl;
  }

  RunRequest request(RunEnvironment env, List<String> commandLine) {
    Profile p;
    try {
      p = Profile.of(profile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--profile: '" + profile + "' is not one of smoke, quick, standard, full");
    }
    return new RunRequest(p, workloads, includes, excludes, threads, jvm, jvmArgs, jmh, label, out, workDir,
        workloadOptions(), dryRun, progressMode(env.console()), verbose, onInterrupt,
        Duration.ofMillis(spotPollMs), commandLine, precisionFraction(),
        budget == null ? resumeBudget : Durations.parse("--budget", budget),
        orderOption(), grid == null ? Grid.defaultFor(p) : Grid.of(grid), history, Duration.ofMillis(forkGraceMs),
        variantRequest());
  }

  /**
   * The original deadline (the run's start plus its budget) kept across interruptions: a resumed run
   * gets what is left of it, or nothing when it has passed, and says so.
   */
  private static Duration restOfBudget(RunCommand original, String startedAt, RunEnvironment env) {
    Duration total;
    try {
      total = original.budget != null ? Durations.parse("--budget", original.budget)
          : dev.archbench.harness.runner.measure.ProfileSettings.of(Profile.of(original.profile)).budget();
    } catch (IllegalArgumentException e) {
      return null; // the original options are refused with their own message later
    }
    java.time.Instant deadline;
    try {
      deadline = java.time.Instant.parse(startedAt).plus(total);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
    Duration left = Duration.between(java.time.Instant.now(), deadline);
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

  private VariantRequest variantRequest() {
    List<VariantRun.Variant> resolved = resolvedVariants();
    if (resolved.isEmpty()) {
      return null;
    }
    double t = threshold == null ? DEFAULT_THRESHOLD : CompareCommand.parseThreshold(threshold);
    return new VariantRequest(resolved, duet, t);
  }

  /** The change that matters when {@code --threshold} is not given: compare's default too. */
  static final double DEFAULT_THRESHOLD = 0.05;

  private Double precisionFraction() {
    if (precision == null) {
      return null;
    }
    String v = precision.trim().replace("%", "");
    if (v.equalsIgnoreCase("none") || v.equals("0")) {
      return Double.NaN; // explicitly no target
    }
    double pct;
    try {
      pct = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--precision: '" + precision + "' is not a percentage such as 2 or 0.5%");
    }
    if (!(pct > 0 && pct < 100)) {
      throw new IllegalArgumentException("--precision: " + precision + " must be between 0 and 100 percent");
    }
    return pct / 100;
  }

  private ForkOrder orderOption() {
    if (order == null) {
      return null;
    }
    return switch (order.trim().toLowerCase(Locale.ROOT)) {
      case "interleaved" -> ForkOrder.INTERLEAVED;
      case "sequential" -> ForkOrder.SEQUENTIAL;
      default -> throw new IllegalArgumentException("--order: '" + order + "' is not interleaved or sequential");
    };
  }

  private Progress.Mode progressMode(boolean console) {
    if (quiet) {
      return Progress.Mode.QUIET;
    }
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "tty" -> Progress.Mode.TTY;
      case "plain" -> Progress.Mode.PLAIN;
      case "auto" -> console ? Progress.Mode.TTY : Progress.Mode.PLAIN;
      default -> throw new IllegalArgumentException("--progress: '" + progress + "' is not auto, tty or plain");
    };
  }

  private Map<String, String> workloadOptions() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, WorkloadOptions.CORPUS, corpus == null ? null : Path.of(corpus).toAbsolutePath().toString());
    put(m, WorkloadOptions.DEVICE, device);
    put(m, WorkloadOptions.PYTHON, python);
    put(m, WorkloadOptions.MODEL, model == null ? null : Path.of(model).toAbsolutePath().toString());
    put(m, WorkloadOptions.NEURON_ENV, neuronEnv == null ? null : Path.of(neuronEnv).toAbsolutePath().toString());
    put(m, WorkloadOptions.WEB_P99_TARGET_MS, positive("--p99-target-ms", p99TargetMs));
    put(m, WorkloadOptions.INFERENCE_LATENCY_BOUND_MS, positive("--latency-bound-ms", latencyBoundMs));
    put(m, WorkloadOptions.TARGET, target);
    put(m, WorkloadOptions.TARGET_REQUEST, targetRequest == null ? null : Path.of(targetRequest).toAbsolutePath().toString());
    put(m, WorkloadOptions.TARGET_STATUS, targetStatus);
    put(m, WorkloadOptions.TARGET_PID, targetPid);
    put(m, WorkloadOptions.TARGET_AGENT, targetAgent);
    put(m, WorkloadOptions.WEB_SERVER, server);
    return m;
  }

  private static String positive(String option, String v) {
    if (v == null) {
      return null;
    }
    try {
      if (Double.parseDouble(v) > 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(option + ": '" + v + "' is not a positive number of milliseconds");
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }
}
