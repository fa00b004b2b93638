package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.execute.JmhIndex;
import dev.archbench.workload.Execution;
import dev.archbench.workload.JmhMethod;
import dev.archbench.workload.UserJmhMethod;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Threads;

/**
 * What a plan needs of a benchmark's kind ({@link Execution} is sealed), asked in one place: its mode
 * as JMH names it, the parameters it runs by default and its default thread count.
 *
 * @param mode JMH's mode of the method, {@code scenario}, or null when the index does not know it
 * @param defaultParams the {@code @Param} values of a JMH method (empty for the other kinds)
 * @param defaultThreads threads when {@code --threads} does not say
 */
record KindFacts(String mode, Map<String, List<String>> defaultParams, int defaultThreads) {

  static KindFacts of(Execution execution, JmhIndex jmh, int cpus) {
    if (execution instanceof JmhMethod m) {
      return new KindFacts(jmh.mode(m.method()).orElse(null), jmh.defaultParams(m.method()),
          jmh.defaultThreads(m.method(), cpus).orElse(1));
    }
    if (execution instanceof UserJmhMethod u) {
      return new KindFacts(u.mode(), Map.of(), u.threads() == Threads.MAX ? cpus : Math.max(1, u.threads()));
    }
    return new KindFacts("scenario", Map.of(), cpus);
  }
}
