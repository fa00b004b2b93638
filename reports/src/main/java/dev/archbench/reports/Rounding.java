package dev.archbench.reports;

import dev.archbench.stats.Estimate;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The analysis's numbers rounded to 6 significant digits, so that every output is byte-identical
 * across JVMs and architectures (the last bits of a bootstrap's sums differ between them). Every
 * stage rounds what it puts into the {@link Analysis} with these.
 */
final class Rounding {
  private static final MathContext SIX = new MathContext(6);

  private Rounding() {}

  /** {@code v} to 6 significant digits; zero and non-finite values as they are. */
  static double r6(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new BigDecimal(v).round(SIX).doubleValue();
  }

  /** Rounded to 6 significant digits; null when any bound is not finite. */
  static Estimate r6(Estimate e) {
    if (e == null) {
      return null;
    }
    if (!Double.isFinite(e.value()) || !Double.isFinite(e.lower()) || !Double.isFinite(e.upper())) {
      return null;
    }
    return new Estimate(r6(e.value()), r6(e.lower()), r6(e.upper()));
  }
}
