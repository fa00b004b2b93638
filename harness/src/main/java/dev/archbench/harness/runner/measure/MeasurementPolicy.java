package dev.archbench.harness.runner.measure;

import dev.archbench.harness.runner.plan.ForkOrder;
import java.time.Duration;
import java.util.Optional;

/**
 * How {@code archbench run} was asked to measure beyond its profile, resolved once by the CLI: the
 * precision target, the budget and the order of forks, each empty for the profile's own.
 *
 * @param precision {@code --precision}: the profile's target, none, or a fraction
 * @param budget {@code --budget} (or what a resumed run has left of its original one)
 * @param order {@code --order}
 * @param forkGrace the time a fork gets beyond its planned time before it is stopped
 */
public record MeasurementPolicy(Target precision, Optional<Duration> budget, Optional<ForkOrder> order,
    Duration forkGrace) {

  /** {@code --precision}: keep the profile's target, or set one ({@code fraction} empty: no target). */
  public record Target(boolean profiles, Optional<Double> fraction) {
    /** The profile's own target. */
    public static final Target PROFILES = new Target(true, Optional.empty());
    /** No target: forks run to the profile's minimum. */
    public static final Target NONE = new Target(false, Optional.empty());

    /** A target of {@code fraction} (0.02 = ±2%). */
    public static Target of(double fraction) {
      return new Target(false, Optional.of(fraction));
    }
  }

  /** {@code settings} with this policy's target and budget where it has them. */
  public ProfileSettings applyTo(ProfileSettings settings) {
    Double target = precision.profiles() ? settings.precision() : precision.fraction().orElse(null);
    return settings.withTarget(target, budget.orElse(settings.budget()));
  }
}
