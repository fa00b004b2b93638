package dev.archbench.workload;

import java.util.Objects;

/**
 * A JMH benchmark method; the runner passes the benchmark's parameters to JMH as {@code -p}.
 *
 * @param method fully qualified {@code Class.method}, as in JMH's benchmark list
 */
public record JmhMethod(String method) implements Execution {
  public JmhMethod {
    Objects.requireNonNull(method, "method");
  }

  @Override
  public String kind() {
    return "jmh";
  }
}
