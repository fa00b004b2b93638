package dev.archbench.harness.runner.execute;

import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ForkScheduler;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.workload.JmhMethod;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.CompilerProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs one fork of a plan item with JMH: one {@link Runner} per fork (exact benchmark, pinned
 * parameters and threads, the fork's warm-up and measured iterations unless {@code --jmh} fixes
 * them). The runner's {@link ForkScheduler} decides how many forks a benchmark gets and in which
 * order; JMH forks the JVM as a child process; its human-readable output goes to the run's log.
 * Like every child of a run, the fork is killed at its deadline ({@link ForkDeadline}) and dies with
 * archbench ({@link ParentWatch}, as a Java agent: JMH writes the fork's command line).
 */
public final class JmhExecutor {
  private final ForkSettings fork;
  private final JmhIndex index;
  /** How long to wait for another JMH process's lock before failing the benchmark. */
  public static final Duration LOCK_WAIT = Duration.ofMinutes(30);
  private final OutputStream log;
  private final Consumer<String> notify;
  private final BooleanSupplier stopped;

  public JmhExecutor(ForkSettings fork, JmhIndex index, OutputStream log, Consumer<String> notify,
      BooleanSupplier stopped) {
    this.fork = fork;
    this.index = index;
    this.log = log;
    this.notify = notify;
    this.stopped = stopped;
  }

  /**
   * Runs one fork; one still running at {@code limit}'s deadline is killed and fails, as a user's JMH
   * fork or a scenario's JVM does ({@link ChildProcess#await}).
   */
  public Outcome run(PlanItem item, JmhMethod method, ForkPlan plan, String startedAt, ForkDeadline limit) {
    String jmhName = method.method();
    if (index.find(jmhName).isEmpty()) {
      return Outcome.failed(item, "JMH benchmark " + jmhName
          + " is not on the class path (no META-INF/BenchmarkList entry)", startedAt, Clock.now());
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("archbench-jmh-");
      Path notes = dir.resolve("notes.jsonl");
      String forkProperty = fork.forkProperty(dir.resolve("fork.json"), notes);
      // The fork dies with archbench (kill -9 included); the agent's path, unique to this fork, finds it.
      Path watch = dir.resolve("watch.jar");
      String watchOption = ParentWatch.agentOption(watch);
      RunnerThread runner = new RunnerThread(
          options(item, method, plan, index.find(jmhName).get(), forkProperty, watchOption), watch.toString());
      if (ChildProcess.await(runner, limit.forFork(plan, fork.profile()), limit.nanoTime(), stopped)) {
        return Outcome.failed(item, ForkDeadline.EXCEEDED, startedAt, Clock.now());
      }
      if (runner.failure != null) {
        return Outcome.failed(item, Failures.firstLine(runner.failure), startedAt, Clock.now());
      }
      Collection<RunResult> results = runner.results;
      if (results.size() != 1) {
        return Outcome.failed(item, "JMH returned " + results.size() + " results, expected one",
            startedAt, Clock.now());
      }
      RunResult rr = results.iterator().next();
      Notes n = Files.exists(notes) ? Notes.parse(Files.readString(notes, StandardCharsets.UTF_8)) : Notes.NONE;
      return new Outcome(JmhResults.convert(item, rr, n, startedAt, Clock.now()), rr);
    } catch (RuntimeException e) {
      return Outcome.failed(item, Failures.firstLine(e), startedAt, Clock.now());
    } catch (IOException e) {
      return Outcome.failed(item, "the fork's files in " + dir + ": " + Failures.firstLine(e), startedAt,
          Clock.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed(item, "interrupted", startedAt, Clock.now());
    } finally {
      ForkFiles.deleteTree(dir);
    }
  }

  /**
   * JMH's runner on a thread of its own, so that the calling thread can hold the fork JMH starts to
   * the deadline. The fork is found among archbench's children by {@code marker} on its command line.
   */
  private final class RunnerThread implements ChildProcess.Watched {
    private final Thread thread;
    private final String marker;
    private volatile boolean killed;
    private volatile Collection<RunResult> results;
    private volatile Throwable failure;

    RunnerThread(Options options, String marker) {
      this.marker = marker;
      this.thread = new Thread(() -> {
        try {
          results = runWaitingForTheJmhLock(options, () -> killed);
        } catch (Throwable t) {
          failure = t;
        }
      }, "archbench-jmh-runner");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public boolean awaitEnd(long millis) throws InterruptedException {
      thread.join(millis);
      return !thread.isAlive();
    }

    /** Kills the fork; JMH's runner then sees it die and returns. */
    @Override
    public void kill() {
      killed = true;
      ProcessHandle.current().children()
          .filter(c -> c.info().commandLine().map(l -> l.contains(marker)).orElse(false))
          .forEach(ChildProcess::killTree);
    }
  }

  /**
   * JMH refuses to run while another JMH process holds {@code /tmp/jmh.lock} (two benchmark runs on
   * one machine disturb each other). Rather than failing every benchmark, wait for it, and say so.
   */
  private Collection<RunResult> runWaitingForTheJmhLock(Options options, BooleanSupplier killed)
      throws RunnerException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    boolean told = false;
    while (true) {
      try {
        return new Runner(options, OutputFormatFactory.createFormatInstance(
            new PrintStream(new KeepOpen(log), true, StandardCharsets.UTF_8), VerboseMode.NORMAL)).run();
      } catch (RunnerException e) {
        boolean locked = e.getMessage() != null && e.getMessage().contains("Another JMH instance");
        if (!locked || System.nanoTime() > deadline || stopped.getAsBoolean() || killed.getAsBoolean()) {
          throw e;
        }
        if (!told) {
          notify.accept("waiting for another JMH run on this machine to finish (it holds the JMH lock)");
          told = true;
        }
        try {
          Thread.sleep(2000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private Options options(PlanItem item, JmhMethod method, ForkPlan plan, BenchmarkListEntry entry,
      String forkProperty, String watchOption) {
    CommandLineOptions raw = fork.rawJmh();
    ProfileSettings s = fork.profile();
    ChainedOptionsBuilder b = new OptionsBuilder().parent(raw)
        .include("^" + Pattern.quote(method.method()) + "$")
        .threads(item.threads())
        .shouldFailOnError(true);
    item.jmhParams().forEach((k, v) -> b.param(k, v));
    b.forks(1); // the scheduler runs forks one at a time (-f in --jmh sets how many)
    // One series of equal iterations, warm-up included, that archbench classifies (SteadyState);
    // JMH's own, unrecorded warm-up only where the user fixed it with --jmh -wi.
    boolean jmhWarmup = raw.getWarmupIterations().hasValue();
    if (!jmhWarmup) {
      b.warmupIterations(0);
    } else if (!raw.getWarmupTime().hasValue()) {
      b.warmupTime(s.jmhMeasurementTime());
    }
    b.measurementIterations(plan.measurementIterations() + (jmhWarmup ? 0 : plan.warmupIterations()));
    if (!raw.getMeasurementTime().hasValue()) {
      b.measurementTime(s.jmhMeasurementTime());
    }
    if (raw.getProfilers().stream().noneMatch(p -> p.getKlass().equals("comp") || p.getKlass().endsWith("CompilerProfiler"))) {
      b.addProfiler(CompilerProfiler.class); // the JIT's time per iteration, for the steady-state check
    }
    if (fork.jvm() != null) {
      b.jvm(fork.jvm());
    }
    // Forks do not inherit this JVM's flags (JMH's default): they get the benchmark's @Fork
    // arguments, the spec's, then the user's (last, so they win), then archbench's one property.
    b.jvmArgs(entry.getJvmArgs().orElse(List.of()).toArray(new String[0]));
    List<String> append = new ArrayList<>(entry.getJvmArgsAppend().orElse(List.of()));
    append.addAll(item.spec().jvmArgs());
    append.addAll(fork.userJvmArgs());
    append.add(forkProperty);
    b.jvmArgsAppend(append.toArray(new String[0]));
    // The watch that ties the fork to archbench's life goes first: Linux shows a process only the
    // first page of its command line, and the fork is found by it (a long class path comes later).
    List<String> prepend = new ArrayList<>(List.of(watchOption));
    prepend.addAll(raw.getJvmArgsPrepend().orElse(List.of()));
    b.jvmArgsPrepend(prepend.toArray(new String[0]));
    return b.build();
  }

  /** JMH closes its output stream at the end of each run; the log must stay open for the next. */
  private static final class KeepOpen extends FilterOutputStream {
    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
