package dev.archbench.workload;

import java.util.Objects;

/**
 * A {@link Scenario} implementation, run in a JVM the runner forks for it.
 *
 * @param className fully qualified name of a class with a public no-argument constructor
 */
public record ScenarioClass(String className) implements Execution {
  public ScenarioClass {
    Objects.requireNonNull(className, "className");
  }

  @Override
  public String kind() {
    return "scenario";
  }
}
