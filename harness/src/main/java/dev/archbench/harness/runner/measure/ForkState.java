package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.plan.PlanItem;
import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Precision.StopReason;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;

/** One benchmark's forks so far (or one variant's side of it): its result, plan, time spent and why it stopped. */
final class ForkState {
  final int index;
  final PlanItem item;
  final String variant;
  final VariantGroup group;
  private final int minForks;
  BenchmarkResult result;
  ForkPlan plan;
  int forks;
  double secondsSpent;
  /** The relative half-width of {@code result}'s interval, computed once per fork. */
  double halfWidth = Double.NaN;
  StopReason stop;
  boolean failed;

  ForkState(int index, PlanItem item, ForkPlan plan, String variant, VariantGroup group, int minForks) {
    this.minForks = minForks;
    this.index = index;
    this.item = item;
    this.plan = plan;
    this.variant = variant;
    this.group = group;
  }

  String key() {
    return variant == null ? item.key() : VariantRun.resultKey(item.key(), variant);
  }

  boolean active() {
    return group != null ? group.active() : stop == null && !failed;
  }

  /** This benchmark's (or side's) next fork. */
  ForkScheduler.Next next() {
    return new ForkScheduler.Next(index, item, forks + 1, plan, variant);
  }

  double expectedForkSeconds() {
    return forks > 0 ? secondsSpent / forks : item.estimatedSeconds() / Math.max(1, minForks);
  }

  /** Goes on from {@code kept}, a result of an interrupted run (null: nothing kept). */
  void restore(BenchmarkResult kept) {
    if (kept != null) {
      result = kept;
      forks = kept.forks();
      secondsSpent = kept.precision() != null && kept.precision().seconds() != null ? kept.precision().seconds() : 0;
      // A variant's side may be unsteady so far and go on; a benchmark alone keeps what it had.
      failed = group == null ? !kept.isOk()
          : Status.FAILED.equals(kept.status()) || Status.SKIPPED.equals(kept.status());
      halfWidth = kept.precision() != null && kept.precision().halfWidth() != null
          ? kept.precision().halfWidth() : Double.NaN;
      stop = kept.precision() != null ? kept.precision().stopReason() : kept.isOk() ? StopReason.BENCHMARK_CAP : null;
    }
  }
}
