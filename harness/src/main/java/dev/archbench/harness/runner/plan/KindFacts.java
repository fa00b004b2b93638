package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.workload.Execution;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.ScenarioClass;
import dev.archbench.workload.UserJmhMethod;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a plan needs of a benchmark's kind ({@link Execution} is sealed), asked in one place: its mode
 * as JMH names it, the parameters it runs by default, its default thread count and whether it searches
 * a knee. A {@link PlanItem} carries them, so that nothing after the planner asks the kind again.
 *
 * @param mode JMH's mode of the method, {@code scenario}, or null when the index does not know it
 * @param defaultParams the {@code @Param} values of a JMH method (empty for the other kinds)
 * @param defaultThreads threads when {@code --threads} does not say
 * @param searchesKnee whether a fork searches a knee ({@link ScenarioClass#searchesKnee()}): one value
 *     per fork, a search instead of measured iterations
 */
public record KindFacts(String mode, Map<String, List<String>> defaultParams, int defaultThreads,
    boolean searchesKnee) {

  public KindFacts {
    defaultParams = Map.copyOf(defaultParams);
  }

  static KindFacts of(Execution execution, JmhIndex jmh, int cpus) {
    if (execution instanceof JmhMethod m) {
      return new KindFacts(jmh.mode(m.method()).orElse(null), jmh.defaultParams(m.method()),
          jmh.defaultThreads(m.method(), cpus).orElse(1), false);
    }
    if (execution instanceof UserJmhMethod u) {
      return new KindFacts(u.mode(), Map.of(), u.threads() == Threads.MAX ? cpus : Math.max(1, u.threads()), false);
    }
    return new KindFacts("scenario", Map.of(), cpus, searchesKnee(execution));
  }

  /** The facts of a benchmark whose mode is known without the JMH index (a plan built by hand). */
  public static KindFacts withMode(String mode, Execution execution, int threads) {
    return new KindFacts(mode, Map.of(), threads, searchesKnee(execution));
  }

  private static boolean searchesKnee(Execution execution) {
    return execution instanceof ScenarioClass sc && sc.searchesKnee();
  }
}
