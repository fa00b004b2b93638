package dev.archbench.harness.userjmh;

import dev.archbench.harness.runner.execute.ChildProcess;
import dev.archbench.harness.runner.execute.Failures;
import dev.archbench.harness.runner.execute.ForkFiles;
import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhExecutor;
import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.execute.ParentWatch;
import dev.archbench.harness.runner.execute.ScenarioExecutor;
import dev.archbench.harness.runner.lifecycle.Clock;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.Json;
import dev.archbench.record.Subject;
import dev.archbench.workload.UserJmhMethod;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs one plan item of a user's JMH jar through that jar's own JMH command line
 * ({@code java -cp JAR[:CP] org.openjdk.jmh.Main}), in a JVM of its own, and reads JMH's JSON result
 * back ({@code -rf json}): the command line and the JSON format are the contract, so a jar built with
 * another JMH version runs as it was built. The forks, iterations and times come in as arguments (the
 * runner decides them); the exact benchmark, parameters and threads come from the plan item.
 */
public final class UserJmhExecutor {
  /** How long to wait for another JMH process's lock before failing the benchmark. */
  static final Duration LOCK_WAIT = JmhExecutor.LOCK_WAIT;
  private static final Pattern EXCEPTION_LINE = Pattern.compile("^[\\w.$]+(Exception|Error)(:.*)?$");
  /** What JMH prints when its forked VM exits on its own (a benchmark calling System.exit, a crash). */
  private static final Pattern FORK_EXIT = Pattern.compile("<forked VM failed with exit code (\\d+)>");

  private final ForkSettings fork;
  private final OutputStream log;
  private final Consumer<String> notify;
  private final BooleanSupplier stopped;

  public UserJmhExecutor(ForkSettings fork, OutputStream log, Consumer<String> notify, BooleanSupplier stopped) {
    this.fork = fork;
    this.log = log;
    this.notify = notify;
    this.stopped = stopped;
  }

  /**
   * Runs one fork (the scheduler decides how many and in which order, as for archbench's own JMH).
   *
   * @param plan the fork's warm-up and measured iterations
   * @param settings their times ({@code -w -r})
   * @param limit the run's deadline: a fork still running at its end is killed and fails
   */
  public Outcome run(PlanItem item, UserJmhMethod method, ForkPlan plan, ProfileSettings settings, String startedAt,
      ForkDeadline limit) {
    Path dir = null;
    try {
      // The jar as it runs now (a jar replaced between a run and its resume shows in the subject).
      Path jarFile = Path.of(method.jar());
      Subject jar = new Subject(Subject.Kind.JAR, jarFile.getFileName().toString(), UserJar.sha256(jarFile),
          jarFile.toString());
      dir = Files.createTempDirectory("archbench-user-jmh-");
      Path json = dir.resolve("result.json");
      List<String> cmd = underWatch(command(item, method, plan, settings, json),
          ParentWatch.copyTo(dir.resolve("watch")));
      long ends = limit.forFork(plan, settings);
      long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
      boolean told = false;
      while (true) {
        Files.deleteIfExists(json);
        write("# archbench user JMH " + item.key() + "\n# " + String.join(" ", cmd) + "\n");
        ChildProcess.Ended r = ChildProcess.run(cmd, log, ends, limit.nanoTime(), stopped);
        if (r.overDeadline()) {
          return Outcome.failed(item, ForkDeadline.EXCEEDED, startedAt, Clock.now());
        }
        if (r.exit() == 0 && Files.exists(json)) {
          break;
        }
        if (stopped.getAsBoolean()) {
          return Outcome.failed(item, "stopped", startedAt, Clock.now());
        }
        boolean locked = r.tail().contains("Another JMH instance");
        if (!locked || System.nanoTime() > deadline) {
          return Outcome.failed(item, failure(r), startedAt, Clock.now());
        }
        if (!told) {
          notify.accept("waiting for another JMH run on this machine to finish (it holds the JMH lock)");
          told = true;
        }
        Thread.sleep(2000);
      }
      JsonNode entries = Json.mapper().readTree(json.toFile());
      if (entries == null || !entries.isArray() || entries.size() != 1) {
        int n = entries == null || !entries.isArray() ? 0 : entries.size();
        return Outcome.failed(item, "JMH returned " + n + " results, expected one"
            + (n > 1 ? " (it has several @BenchmarkMode modes; archbench records one mode per benchmark:"
                + " --exclude it)" : ""),
            startedAt, Clock.now());
      }
      JsonNode entry = entries.get(0);
      return new Outcome(UserJmhResults.convert(item, entry, jar,
          ProfileSettings.seconds(fork.profile().measurementTime()), startedAt, Clock.now()), null, entry);
    } catch (IOException | IllegalArgumentException e) {
      return Outcome.failed(item, "user JMH: " + Failures.firstLine(e), startedAt, Clock.now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Outcome.failed(item, "user JMH: interrupted", startedAt, Clock.now());
    } finally {
      ForkFiles.deleteTree(dir);
    }
  }

  /** JMH's command line for exactly this item; pure, so tests can read it. */
  public List<String> command(PlanItem item, UserJmhMethod method, ForkPlan plan, ProfileSettings settings, Path json) {
    List<String> cmd = new ArrayList<>();
    cmd.add(fork.javaExecutable());
    if (Boolean.getBoolean("jmh.ignoreLock")) {
      cmd.add("-Djmh.ignoreLock=true"); // as archbench's own JMH was told (tests on a shared machine)
    }
    cmd.add("-cp");
    List<String> cp = new ArrayList<>();
    cp.add(method.jar());
    cp.addAll(method.classPath());
    cmd.add(String.join(ForkSettings.pathSeparator(), cp));
    cmd.add("org.openjdk.jmh.Main");
    cmd.add("^" + Pattern.quote(method.benchmark()) + "$");
    add(cmd, "-f", "1");
    // One series of equal iterations, warm-up included, that archbench classifies ({@link SteadyState});
    // JMH's own warm-up only where the user fixed it with --jmh -wi.
    boolean jmhWarmup = fork.rawJmh() != null && fork.rawJmh().getWarmupIterations().hasValue();
    add(cmd, "-wi", Integer.toString(jmhWarmup ? plan.warmupIterations() : 0));
    if (jmhWarmup) {
      add(cmd, "-w", (fork.rawJmh().getWarmupTime().hasValue()
          ? fork.rawJmh().getWarmupTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS)
          : settings.measurementTime().toMillis()) + "ms");
    }
    add(cmd, "-i", Integer.toString(plan.measurementIterations() + (jmhWarmup ? 0 : plan.warmupIterations())));
    add(cmd, "-r", settings.measurementTime().toMillis() + "ms");
    add(cmd, "-t", Integer.toString(item.threads()));
    item.jmhParams().forEach((k, v) -> add(cmd, "-p", k + "=" + v));
    add(cmd, "-foe", "true");
    add(cmd, "-rf", "json");
    add(cmd, "-rff", json.toString());
    if (fork.jvm() != null) {
      add(cmd, "-jvm", fork.jvm());
    }
    if (!fork.userJvmArgs().isEmpty()) {
      add(cmd, "-jvmArgsAppend", String.join(" ", fork.userJvmArgs()));
    }
    List<String> passed = passThrough(fork.rawJmh());
    cmd.addAll(passed);
    if (!passed.contains("comp")) {
      add(cmd, "-prof", "comp"); // the JIT's time per iteration, for the steady-state check
    }
    return cmd;
  }

  /**
   * The raw {@code --jmh} options that mean the same in every JMH version and that archbench does not
   * set itself: profilers ({@code -prof}) and the time unit ({@code -tu}).
   */
  static List<String> passThrough(CommandLineOptions raw) {
    List<String> out = new ArrayList<>();
    if (raw == null) {
      return out;
    }
    raw.getProfilers().forEach(p -> add(out, "-prof",
        p.getKlass() + (p.getOpts() == null || p.getOpts().isEmpty() ? "" : ":" + p.getOpts())));
    if (raw.getTimeUnit().hasValue()) {
      add(out, "-tu", tu(raw.getTimeUnit().get()));
    }
    return out;
  }

  private static String tu(TimeUnit u) {
    return switch (u) {
      case NANOSECONDS -> "ns";
      case MICROSECONDS -> "us";
      case MILLISECONDS -> "ms";
      case SECONDS -> "s";
      case MINUTES -> "m";
      case HOURS -> "h";
      case DAYS -> "d";
    };
  }

  private static void add(List<String> cmd, String option, String value) {
    cmd.add(option);
    cmd.add(value);
  }

  /**
   * The JMH command line under {@link ParentWatch}, so that the user's JMH (and with it its forks) dies
   * with archbench even on {@code kill -9}: the watch's class directory goes last on the class path,
   * where it shadows nothing of the jar's.
   */
  static List<String> underWatch(List<String> cmd, Path watchClasses) {
    List<String> out = new ArrayList<>(cmd);
    int cp = out.indexOf("-cp");
    int main = out.indexOf(UserJar.JMH_MAIN);
    if (cp < 0 || main < 0) {
      throw new IllegalStateException("not a JMH command line: " + cmd);
    }
    out.set(cp + 1, out.get(cp + 1) + ForkSettings.pathSeparator() + watchClasses);
    out.remove(main);
    out.addAll(main, ParentWatch.prefix(UserJar.JMH_MAIN));
    return out;
  }

  /**
   * The reason for the record: out of memory wherever it happened, else how the benchmark's JVM ended,
   * else the first exception JMH printed, else the exit.
   */
  public static String failure(ChildProcess.Ended r) {
    Optional<String> outOfMemory = Failures.outOfMemoryIn(r.tail());
    if (outOfMemory.isPresent()) {
      return outOfMemory.get();
    }
    // A benchmark JVM that ended itself says more than JMH's "Benchmark caught the exception" around it.
    java.util.regex.Matcher forkExit = FORK_EXIT.matcher(r.tail());
    if (forkExit.find()) {
      return "the benchmark's JVM ended with " + ChildProcess.describeExit(Integer.parseInt(forkExit.group(1)));
    }
    Optional<String> exception = r.tail().lines().map(String::trim).filter(l -> EXCEPTION_LINE.matcher(l).matches())
        .findFirst();
    return exception.orElseGet(() -> r.tail().lines().map(String::trim).filter(l -> l.startsWith("ERROR"))
        .findFirst().orElse("JMH ended with " + r.describeExit()));
  }

  private void write(String s) throws IOException {
    synchronized (log) {
      log.write(s.getBytes(StandardCharsets.UTF_8));
      log.flush();
    }
  }
}
