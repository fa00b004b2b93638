package dev.archbench.harness.cli;

import dev.archbench.harness.runner.Durations;
import dev.archbench.harness.runner.lifecycle.Progress;
import dev.archbench.harness.runner.measure.MeasurementPolicy;
import dev.archbench.harness.runner.plan.ForkOrder;
import dev.archbench.workload.Profile;
import dev.archbench.record.RunRecord;
import dev.archbench.reports.RecordLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code archbench run}'s option values as typed: each parsed once, here, into what the runner takes;
 * a bad one is an IllegalArgumentException that names its option.
 */
final class RunOptionValues {
  private RunOptionValues() {}

  static Profile profile(String profile) {
    try {
      return Profile.of(profile);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--profile: '" + profile + "' is not one of smoke, quick, standard, full");
    }
  }

  /** {@code --precision}: absent for the profile's, {@code none} or 0 for no target, else a percentage. */
  static MeasurementPolicy.Target precision(String precision) {
    if (precision == null) {
      return MeasurementPolicy.Target.PROFILES;
    }
    String v = precision.trim().replace("%", "");
    if (v.equalsIgnoreCase("none") || v.equals("0")) {
      return MeasurementPolicy.Target.NONE;
    }
    double pct;
    try {
      pct = Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--precision: '" + precision + "' is not a percentage such as 2 or 0.5%");
    }
    if (!(pct > 0 && pct < 100)) {
      throw new IllegalArgumentException("--precision: " + precision + " must be between 0 and 100 percent");
    }
    return MeasurementPolicy.Target.of(pct / 100);
  }

  static Duration budget(String budget) {
    return Durations.parse("--budget", budget);
  }

  static Optional<ForkOrder> order(String order) {
    if (order == null) {
      return Optional.empty();
    }
    return Optional.of(switch (order.trim().toLowerCase(Locale.ROOT)) {
      case "interleaved" -> ForkOrder.INTERLEAVED;
      case "sequential" -> ForkOrder.SEQUENTIAL;
      default -> throw new IllegalArgumentException("--order: '" + order + "' is not interleaved or sequential");
    });
  }

  static Progress.Mode progress(String progress, boolean quiet, boolean console) {
    if (quiet) {
      return Progress.Mode.QUIET;
    }
    return switch (progress.toLowerCase(Locale.ROOT)) {
      case "tty" -> Progress.Mode.TTY;
      case "plain" -> Progress.Mode.PLAIN;
      case "auto" -> console ? Progress.Mode.TTY : Progress.Mode.PLAIN;
      default -> throw new IllegalArgumentException("--progress: '" + progress + "' is not auto, tty or plain");
    };
  }

  /** {@code --history}: earlier records whose variances refine the dry run's estimates. */
  static List<RunRecord> history(List<Path> history) {
    List<RunRecord> records = new ArrayList<>();
    if (!history.isEmpty()) {
      RecordLoader.Loaded loaded = RecordLoader.load(history);
      if (!loaded.problems().isEmpty()) {
        throw new IllegalArgumentException("--history: " + loaded.problems().get(0));
      }
      loaded.records().forEach(r -> records.add(r.record()));
    }
    return records;
  }
}
