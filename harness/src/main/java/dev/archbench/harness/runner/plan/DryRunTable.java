package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.workload.Profile;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --dry-run}'s table: per benchmark the forks, precision and time the {@link PrecisionModel}
 * expects, then how many benchmarks are expected to reach the target and the whole run's time.
 */
public final class DryRunTable {
  private final PrintWriter out;

  public DryRunTable(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints {@code plan} with {@code predictions} (none for skipped items) under {@code s};
   * {@code variants} is null for a run without variants.
   */
  public void print(List<PlanItem> plan, List<PrecisionModel.Prediction> predictions, ProfileSettings s,
      Profile profile, Grid grid, VariantRequest variants) {
    Map<String, PrecisionModel.Prediction> byKey = new HashMap<>();
    predictions.forEach(p -> byKey.put(p.item().key(), p));
    out.println("Plan (dry run, nothing is measured): profile " + profile.id() + " (" + grid.name()
        .toLowerCase(Locale.ROOT) + " grid), " + s.describe());
    int width = plan.stream().mapToInt(i -> i.key().length()).max().orElse(10);
    out.printf(Locale.ROOT, "%4s  %-" + width + "s  %-8s  %5s  %9s  %-13s  %7s  %s%n", "#", "benchmark", "mode",
        "forks", "precision", "expected stop", "time", "variance from");
    double total = 0;
    int skipped = 0;
    int missing = 0;
    for (int i = 0; i < plan.size(); i++) {
      PlanItem item = plan.get(i);
      PrecisionModel.Prediction p = byKey.get(item.key());
      String mode = item.mode() == null ? "?" : item.mode();
      if (p == null) {
        skipped++;
        out.printf(Locale.ROOT, "%4d  %-" + width + "s  %-8s  skipped: %s%n", i + 1, item.key(), mode, item.skipReason());
        continue;
      }
      total += p.seconds();
      missing += s.precision() != null && p.halfWidth() > s.precision() ? 1 : 0;
      out.printf(Locale.ROOT, "%4d  %-" + width + "s  %-8s  %5d  %9s  %-13s  %7s  %s%n", i + 1, item.key(), mode,
          p.forks(), "±" + ProfileSettings.pct(p.halfWidth()), p.stopReason(), Progress.duration(p.seconds()), p.source());
    }
    int runnable = plan.size() - skipped;
    if (s.precision() != null && runnable > 0) {
      out.printf(Locale.ROOT, "expected to reach ±%s: %d of %d benchmarks (%.0f%%)%n", ProfileSettings.pct(s.precision()),
          runnable - missing, runnable, 100.0 * (runnable - missing) / runnable);
    }
    if (total > s.budget().toSeconds()) {
      out.println("warning: one fork of every benchmark already takes longer than the budget; the run will"
          + " overrun it (select fewer benchmarks or raise --budget)");
    }
    if (variants != null) {
      out.println("variants: " + String.join(", ", variants.names()) + " (the first is the baseline); each round"
          + " runs one fork of every variant, so forks and times above are per variant: a run takes about "
          + variants.names().size() + " times as long per round, within the same budget");
    }
    out.println(plan.size() + " benchmarks" + (skipped > 0 ? " (" + skipped + " skipped)" : "")
        + ", estimated " + Progress.duration(total) + " within a budget of " + ProfileSettings.human(s.budget())
        + " (JVM start-up included; real times vary)");
    out.flush();
  }
}
