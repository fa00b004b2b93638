package dev.archbench.harness.cli;

import dev.archbench.harness.runner.plan.VariantOptions;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.record.VariantRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code archbench run}'s options for variants of the same benchmarks (a mixin: they appear where it is declared). */
final class VariantFlags {
  @Option(names = "--variant", paramLabel = "NAME='OPTIONS'",
      description = "A variant to compare on this host (repeatable, at least two; the first is the baseline):"
          + " OPTIONS are the options that differ, any of --jmh-jar, --jmh-classpath, --jvm, --jvm-args (the rest is"
          + " shared). Each round runs one fork of every variant back to back in a seeded random order;"
          + " 'archbench compare RECORD' then compares them pair by pair.")
  List<String> variants = new ArrayList<>();

  @Option(names = "--duet",
      description = "With --variant and --jmh-jar: run a round's forks at the same time, each variant on its own"
          + " CPUs (taskset), where the host has a CPU per variant; else one after another (the record says which).")
  boolean duet;

  @Option(names = "--threshold", paramLabel = "PERCENT",
      description = "With --variant: the smallest change that matters (default 5%%): a benchmark stops once every"
          + " variant's ratio to the baseline differs (99%% interval) or lies within it.")
  String threshold;

  /** The change that matters when {@code --threshold} is not given: compare's default too. */
  static final double DEFAULT_THRESHOLD = 0.05;

  /**
   * {@code --variant} resolved against the shared options (empty without variants); bad ones are a
   * usage error with one line.
   */
  List<VariantRun.Variant> resolved(Path jmhJar, String jmhClasspath, String jvm, String jvmArgs) {
    if (variants.isEmpty()) {
      if (duet || threshold != null) {
        throw new UserException((duet ? "--duet" : "--threshold") + " needs --variant", ExitCodes.USAGE);
      }
      return List.of();
    }
    try {
      List<VariantRun.Variant> out = new ArrayList<>();
      for (VariantRun.Variant v : VariantOptions.parseAll(variants)) {
        out.add(VariantOptions.resolved(v, jmhJar == null ? null : jmhJar.toString(), jmhClasspath, jvm, jvmArgs));
      }
      VariantOptions.checkSameKind(out);
      if (duet && out.get(0).jmhJar() == null) {
        throw new IllegalArgumentException("--duet runs the variants of a --jmh-jar side by side (archbench's own"
            + " JMH benchmarks run one JMH at a time); give each variant a --jmh-jar, or leave out --duet");
      }
      return out;
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** What {@code --variant} asks of the run ({@code resolved}: its variants), or null for a run without variants. */
  VariantRequest request(List<VariantRun.Variant> resolved) {
    if (resolved.isEmpty()) {
      return null;
    }
    double t = threshold == null ? DEFAULT_THRESHOLD : CompareCommand.parseThreshold(threshold);
    return new VariantRequest(resolved, duet, t);
  }
}
