package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.ForkSettings;
import dev.archbench.harness.runner.execute.JmhExecutor;
import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.harness.runner.execute.Outcome;
import dev.archbench.harness.runner.execute.ScenarioExecutor;
import dev.archbench.harness.runner.measure.ForkDeadline;
import dev.archbench.harness.runner.measure.ForkPlan;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.harness.userjmh.UserJmhExecutor;
import dev.archbench.record.VariantRun;
import dev.archbench.workload.Execution;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.UserJmhMethod;
import java.io.File;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The executors of a run: one set per variant (its JVM, JVM arguments and jar), or one set for a run
 * without variants; and the one place that picks the executor of a benchmark's kind
 * ({@link Execution} is sealed).
 */
final class RunExecutors {
  /** The executors of one variant, or of the run when it has no variants ({@code variant} null). */
  private record Kinds(VariantRun.Variant variant, JmhExecutor jmh, ScenarioExecutor scenarios,
      UserJmhExecutor userJmh, ProfileSettings settings) {

    Kinds(VariantRun.Variant variant, ForkSettings fork, JmhIndex index, OutputStream log, Consumer<String> note,
        BooleanSupplier stopped) {
      this(variant, new JmhExecutor(fork, index, log, note, stopped), new ScenarioExecutor(fork, log, stopped),
          new UserJmhExecutor(fork, log, note, stopped), fork.profile());
    }
  }

  /** Makes a run's executors once its log and progress exist. */
  @FunctionalInterface
  interface Factory {
    RunExecutors create(OutputStream log, Consumer<String> note, BooleanSupplier stopped);
  }

  private final Map<String, Kinds> byVariant = new HashMap<>();

  /** The executors of a run without variants. */
  static RunExecutors single(ForkSettings fork, JmhIndex index, OutputStream log, Consumer<String> note,
      BooleanSupplier stopped) {
    RunExecutors ex = new RunExecutors();
    ex.byVariant.put(null, new Kinds(null, fork, index, log, note, stopped));
    return ex;
  }

  /** The executors of every variant, each with its own fork settings. */
  static RunExecutors perVariant(Map<VariantRun.Variant, ForkSettings> forks, JmhIndex index, OutputStream log,
      Consumer<String> note, BooleanSupplier stopped) {
    RunExecutors ex = new RunExecutors();
    forks.forEach((v, fork) -> ex.byVariant.put(v.name(), new Kinds(v, fork, index, log, note, stopped)));
    return ex;
  }

  /**
   * Runs one fork of {@code item} with the executor of its kind, for {@code variant} (null without
   * variants); a variant with a jar of its own runs the same benchmark from that jar.
   */
  Outcome run(String variant, PlanItem item, ForkPlan plan, String startedAt, ForkDeadline deadline) {
    Kinds ex = byVariant.get(variant);
    Execution execution = item.spec().execution();
    if (execution instanceof ScenarioClass scenario) {
      return ex.scenarios().run(item, scenario, plan, startedAt, deadline);
    }
    if (execution instanceof UserJmhMethod user) {
      VariantRun.Variant v = ex.variant();
      UserJmhMethod method = v == null || v.jmhJar() == null ? user
          : new UserJmhMethod(v.jmhJar(), classPath(v.jmhClasspath()), user.benchmark(), user.mode(), user.threads());
      return ex.userJmh().run(item, method, plan, ex.settings(), startedAt, deadline);
    }
    return ex.jmh().run(item, (JmhMethod) execution, plan, startedAt, deadline);
  }

  /** A {@code --jmh-classpath} value as absolute entries. */
  private static List<String> classPath(String cp) {
    List<String> out = new ArrayList<>();
    if (cp != null) {
      for (String e : cp.split(File.pathSeparator)) {
        if (!e.isBlank()) {
          out.add(Path.of(e).toAbsolutePath().normalize().toString());
        }
      }
    }
    return out;
  }
}
