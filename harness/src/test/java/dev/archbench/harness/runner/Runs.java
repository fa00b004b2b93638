package dev.archbench.harness.runner;

import dev.archbench.harness.cli.RunCommand;
import dev.archbench.harness.fingerprint.Fingerprinter;
import dev.archbench.harness.fingerprint.HostRoots;
import dev.archbench.record.Host;
import dev.archbench.record.RecordFiles;
import dev.archbench.record.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine;

/** Helpers for tests that really run the selftest workload (in this JVM or in a child JVM). */
public final class Runs {
  /** Short JMH iterations: the tests prove the machinery, not numbers. */
  static final String FAST_JMH = "-wi 1 -w 200ms -i 2 -r 200ms";

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  static {
    // Other JMH users on a shared machine hold /tmp/jmh.lock; tests do not compete for it.
    System.setProperty("jmh.ignoreLock", "true");
  }

  private Runs() {}

  static Runs capture() {
    return new Runs();
  }

  RunEnvironment env(Host host, Map<String, String> env, Path emptyRoots) {
    return env(host, env, emptyRoots, System::nanoTime);
  }

  /** With the run's clock (budget, deadlines) read from {@code nanoTime}. */
  RunEnvironment env(Host host, Map<String, String> env, Path emptyRoots, java.util.function.LongSupplier nanoTime) {
    return new RunEnvironment(() -> host, HostRoots.under(emptyRoots), env, new PrintWriter(out, true),
        new PrintWriter(err, true), false, nanoTime, false);
  }

  static Host localHost() {
    return Fingerprinter.collect(HostRoots.system(), Map.of());
  }

  /** Parses {@code args} as {@code archbench run} does and runs with {@code env}. */
  static int run(RunEnvironment env, String... args) {
    RunCommand cmd = new RunCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.call(env);
  }

  /** The single record in {@code dir}. */
  static Path recordIn(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      List<Path> records = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".jmh.json"))
          .toList();
      if (records.size() != 1) {
        throw new AssertionError("expected one record in " + dir + ", found " + records);
      }
      return records.get(0);
    }
  }

  /** Waits until the record in {@code dir} satisfies {@code condition}; fails after {@code timeout}. */
  static RunRecord awaitRecord(Path dir, Predicate<RunRecord> condition, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      try (var files = Files.list(dir)) {
        for (Path p : files.filter(f -> f.toString().endsWith(".json") && !f.toString().endsWith(".jmh.json")).toList()) {
          RunRecord r = RecordFiles.read(p);
          if (condition.test(r)) {
            return r;
          }
        }
      } catch (java.nio.file.NoSuchFileException e) {
        // not created yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("record in " + dir + " did not reach the expected state in " + timeout);
  }

  /** A child JVM running {@code archbench <args>} from this class path, in {@code cwd}. */
  static ProcessBuilder child(Path cwd, List<String> wrapper, String... args) {
    List<String> cmd = new ArrayList<>(wrapper);
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Djmh.ignoreLock=true");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("dev.archbench.harness.Main");
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
  }

  /** Kills {@code p} and every process below it (JMH forks), so a test leaves nothing running. */
  static void killTree(ProcessHandle p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}
