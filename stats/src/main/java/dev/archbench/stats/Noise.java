package dev.archbench.stats;

/**
 * Sources of noise that no interval can include: a record made under one is measured, but its numbers
 * are not fit for comparisons between hosts. Each is a warning code of the record
 * ({@code run.warnings[].code}): the runner writes it when it detects the condition, the reports read
 * it to leave the host out of price comparisons (unless {@code --allow-noisy}). Spelled here once for
 * both, since neither may depend on the other.
 */
public final class Noise {
  /** A shared CI runner (GitHub-hosted): noisy neighbours, variable CPUs. */
  public static final String SHARED_CI_RUNNER = "shared-ci-runner";

  private Noise() {}
}
