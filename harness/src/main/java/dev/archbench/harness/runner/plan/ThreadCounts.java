package dev.archbench.harness.runner.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code --threads} list: numbers and the words {@code max} (all CPUs the run may use),
 * {@code half} and {@code 2x} (oversubscribed), resolved against the CPU count; duplicates after
 * resolution are dropped, order is kept.
 */
public final class ThreadCounts {
  private ThreadCounts() {}

  /** Resolves {@code spec} (e.g. {@code 1,2,max}); throws IllegalArgumentException with one line. */
  public static List<Integer> parse(String spec, int cpus) {
    Set<Integer> out = new LinkedHashSet<>();
    for (String raw : spec.split(",")) {
      String t = raw.trim().toLowerCase(Locale.ROOT);
      int n = switch (t) {
        case "max" -> cpus;
        case "half" -> Math.max(1, cpus / 2);
        case "2x" -> 2 * cpus;
        default -> number(t, spec);
      };
      out.add(n);
    }
    return new ArrayList<>(out);
  }

  private static int number(String t, String spec) {
    try {
      int n = Integer.parseInt(t);
      if (n >= 1 && n <= 4096) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("--threads: '" + t + "' in '" + spec
        + "' is not a thread count (1..4096, max, half or 2x)");
  }
}
