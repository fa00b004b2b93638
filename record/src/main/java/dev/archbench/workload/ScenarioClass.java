package dev.archbench.workload;

import java.util.Objects;

/**
 * A {@link Scenario} implementation, run in a JVM the runner forks for it.
 *
 * @param className fully qualified name of a class with a public no-argument constructor
 * @param searchesKnee whether each fork gives one value, the knee of a search over offered rates:
 *     its forks vary far more than a series of iterations does, and the dry run plans for that
 */
public record ScenarioClass(String className, boolean searchesKnee) implements Execution {
  public ScenarioClass {
    Objects.requireNonNull(className, "className");
  }

  /** A scenario that scores a series of steps. */
  public ScenarioClass(String className) {
    this(className, false);
  }

  /** A scenario whose fork gives one value: the knee of a search over offered rates. */
  public static ScenarioClass kneeSearch(String className) {
    return new ScenarioClass(className, true);
  }

  @Override
  public String kind() {
    return "scenario";
  }
}
