package dev.archbench.workload;

/**
 * Something the user explicitly asked for cannot be had on this host ({@code --device neuron}
 * without a Neuron device, a {@code --corpus} path that does not exist). Thrown from
 * {@link BenchmarkSpec#unavailableReason}; the runner stops before anything runs and prints the
 * message as one line (exit 1). What is merely absent without being asked for is a {@code skipped}
 * result instead.
 */
public class UnsatisfiableRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsatisfiableRequest(String message) {
    super(message);
  }
}
