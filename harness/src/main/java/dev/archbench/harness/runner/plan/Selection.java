package dev.archbench.harness.runner.plan;

import dev.archbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which benchmarks a run includes: {@code --workloads} ids (default: every workload that is not
 * hidden), then {@code --include}/{@code --exclude} regular expressions, found anywhere in
 * {@code workload/benchmark}. With includes, a benchmark must match at least one; any exclude drops it.
 */
public record Selection(List<String> workloads, List<Pattern> includes, List<Pattern> excludes) {

  public static Selection of(List<String> workloads, List<String> includes, List<String> excludes) {
    return new Selection(List.copyOf(workloads), compile(includes, "--include"), compile(excludes, "--exclude"));
  }

  /** The selected workloads, in catalog order; unknown ids are an IllegalArgumentException. */
  public List<Workload> workloadsOf(WorkloadCatalog catalog) {
    if (workloads.isEmpty()) {
      return catalog.visible();
    }
    List<Workload> out = new ArrayList<>();
    for (String id : workloads) {
      Workload w = catalog.byId(id).orElseThrow(() -> new IllegalArgumentException(
          "--workloads: unknown workload '" + id + "' (known: "
              + String.join(", ", catalog.all().stream().map(Workload::id).toList()) + ")"));
      if (!out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }

  public boolean matches(String workload, String benchmark) {
    String name = workload + "/" + benchmark;
    boolean in = includes.isEmpty() || includes.stream().anyMatch(p -> p.matcher(name).find());
    return in && excludes.stream().noneMatch(p -> p.matcher(name).find());
  }

  private static List<Pattern> compile(List<String> regexes, String option) {
    List<Pattern> out = new ArrayList<>();
    for (String r : regexes) {
      try {
        out.add(Pattern.compile(r));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(option + ": '" + r + "' is not a regular expression ("
            + e.getDescription() + ")");
      }
    }
    return out;
  }
}
