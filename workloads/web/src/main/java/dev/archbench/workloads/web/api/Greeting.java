package dev.archbench.workloads.web.api;

/** The small object {@code /json} serializes on every request (as in the TechEmpower JSON test). */
public record Greeting(String message) {
  public static final String TEXT = "Hello, World!";
}
