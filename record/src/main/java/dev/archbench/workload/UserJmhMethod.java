package dev.archbench.workload;

import java.util.List;
import java.util.Objects;

/**
 * A JMH benchmark of the user's own jar ({@code --jmh-jar}). It runs with the jar's own JMH, in its
 * own JVMs, through JMH's command line; JMH's JSON result format is what comes back. Nothing of the
 * jar is loaded into archbench, so the jar keeps its JMH version and dependencies.
 *
 * @param jar the benchmark jar, an absolute path (the archetype's {@code benchmarks.jar}, or a plain jar)
 * @param classPath further class path entries (its dependencies, JMH itself), absolute; empty for an uberjar
 * @param benchmark the fully qualified {@code Class.method}, as {@code java -jar benchmarks.jar -l} lists it
 * @param mode JMH's short mode label from the jar's benchmark list, for the plan only; null when unknown
 * @param threads the {@code @Threads} value from the jar's benchmark list ({@code -1}, JMH's {@code Threads.MAX},
 *     for all CPUs), 0 when not annotated or unknown; used when {@code --threads} is not given
 */
public record UserJmhMethod(String jar, List<String> classPath, String benchmark, String mode, int threads)
    implements Execution {
  public UserJmhMethod {
    Objects.requireNonNull(jar, "jar");
    Objects.requireNonNull(benchmark, "benchmark");
    classPath = List.copyOf(classPath);
  }

  @Override
  public String kind() {
    return "user-jmh";
  }
}
