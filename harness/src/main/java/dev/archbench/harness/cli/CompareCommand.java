package dev.archbench.harness.cli;

import dev.archbench.record.RecordFiles;
import dev.archbench.reports.LoadedRecord;
import dev.archbench.reports.RegressionCheck;
import dev.archbench.reports.VariantComparison;
import dev.archbench.reports.format.CompareText;
import dev.archbench.record.RunRecord;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archbench compare OLD NEW}: a regression gate for CI between two runs of the same host; {@code
 * archbench compare RECORD}: the variants of one run ({@code run --variant}), pair by pair.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Compares two runs of the same host benchmark by benchmark and prints a Markdown summary.",
      "With one record of a run of variants (run --variant), compares every variant with the",
      "baseline from the paired rounds instead: per benchmark the ratio, its 95%% interval, and the",
      "smallest change the pairs could have detected.",
      "Exit code 3 when a benchmark regressed significantly (its whole 95%% interval below zero change) "
          + "by more than the threshold, or failed in NEW (a variant) after running in OLD (the baseline)."})
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "Record of the earlier run, or of a run of variants.")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", arity = "0..1",
      description = "Record of the later run (left out for a run of variants).")
  Path newFile;

  @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%",
      description = "Smallest slowdown that counts as a regression (default: ${DEFAULT-VALUE}).")
  String threshold;

  @Option(names = "--out", paramLabel = "FILE", description = "Also write the Markdown summary to FILE.")
  Path out;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also write one CSV row per benchmark (verdict, ratio and interval, p-value, precision) to FILE.")
  Path csv;

  @Override
  public Integer call() {
    double t = parseThreshold(threshold);
    if (newFile == null) {
      return variants(t);
    }
    LoadedRecord a = new LoadedRecord(oldFile.toString(), RecordFiles.read(oldFile));
    LoadedRecord b = new LoadedRecord(newFile.toString(), RecordFiles.read(newFile));
    RegressionCheck.Result result = RegressionCheck.compare(a, b, t);
    return answer(result.warnings(), CompareText.markdown(result, oldFile.toString(), newFile.toString()),
        () -> CompareText.csv(result), result.regressed());
  }

  /** One record of a run of variants, compared pair by pair. */
  private int variants(double t) {
    RunRecord r = RecordFiles.read(oldFile);
    if (!r.hasVariants()) {
      throw new UserException(oldFile + ": not a run of variants (run --variant); compare two runs as"
          + " 'archbench compare OLD NEW'", ExitCodes.USAGE);
    }
    VariantComparison.Result result = VariantComparison.compare(new LoadedRecord(oldFile.toString(), r), t);
    return answer(result.warnings(), VariantComparison.markdown(result, oldFile.toString()),
        () -> VariantComparison.csv(result), result.regressed());
  }

  /** Warnings on stderr, the Markdown on stdout and in --out, the CSV in --csv; the exit code. */
  private int answer(List<String> warnings, String md, Supplier<String> csvText, boolean regressed) {
    PrintWriter err = spec.commandLine().getErr();
    for (String w : warnings) {
      err.println("archbench: warning: " + w);
    }
    err.flush();
    PrintWriter outW = spec.commandLine().getOut();
    outW.print(md);
    outW.flush();
    if (out != null) {
      RecordFiles.writeAtomically(out, md);
    }
    if (csv != null) {
      RecordFiles.writeAtomically(csv, csvText.get());
    }
    return regressed ? ExitCodes.REGRESSION : ExitCodes.OK;
  }

  /** {@code 5%}, {@code 5} or {@code 0.5%}: a percentage between 0 and 100. */
  static double parseThreshold(String s) {
    String v = s.trim();
    if (v.endsWith("%")) {
      v = v.substring(0, v.length() - 1).trim();
    }
    double p;
    try {
      p = new BigDecimal(v).doubleValue();
    } catch (NumberFormatException e) {
      throw new UserException("--threshold " + s + ": expected a percentage such as 5%", ExitCodes.USAGE);
    }
    if (!(p >= 0 && p < 100)) {
      throw new UserException("--threshold " + s + ": must be between 0% and 100%", ExitCodes.USAGE);
    }
    return p / 100;
  }
}
