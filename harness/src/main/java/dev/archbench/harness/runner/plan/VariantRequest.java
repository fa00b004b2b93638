package dev.archbench.harness.runner.plan;

import dev.archbench.record.VariantRun;
import dev.archbench.record.VariantRun.Variant;
import java.util.List;

/**
 * What {@code --variant} asked: the variants (resolved against the run's shared options; the first is
 * the baseline), whether a round's forks run at the same time on disjoint CPUs ({@code --duet}), and
 * the change that matters ({@code --threshold}) for the stopping rule.
 */
public record VariantRequest(List<Variant> variants, boolean duet, double threshold) {
  public VariantRequest {
    variants = List.copyOf(variants);
  }

  public List<String> names() {
    return variants.stream().map(Variant::name).toList();
  }

  /** The variant named {@code name}. */
  public Variant variant(String name) {
    return variants.stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no variant " + name));
  }

  /** The result keys of {@code item}: its own without variants ({@code variants} null), else one per variant. */
  public static List<String> resultKeys(VariantRequest variants, PlanItem item) {
    if (variants == null) {
      return List.of(item.key());
    }
    return variants.names().stream().map(n -> VariantRun.resultKey(item.key(), n)).toList();
  }
}
