package dev.archbench.reports;

import static dev.archbench.reports.format.Fmt.md;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.RunRecord;
import dev.archbench.record.Status;
import dev.archbench.record.VariantRun;
import dev.archbench.reports.RegressionCheck.Verdict;
import dev.archbench.reports.format.CompareText;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.price.Csv;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.FalseDiscovery;
import dev.archbench.stats.HierarchicalBootstrap;
import dev.archbench.stats.PairedRatio;
import dev.archbench.stats.PairedRounds;
import dev.archbench.stats.ScoreInterval;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code archbench compare RECORD} for a run of variants ({@code run --variant}): per benchmark, the
 * performance ratio of every variant to the baseline from the rounds in which both had a steady fork
 * ({@link PairedRatio}: the bootstrap over rounds, with the fork and iteration levels inside). A
 * difference is significant when the 95% interval excludes 1 and it survives Benjamini-Hochberg over
 * every benchmark and variant at {@link RegressionCheck#FALSE_DISCOVERY_RATE}, as in the comparison
 * of two runs; a regression is a significant ratio worse than the threshold, or a variant that failed
 * where the baseline ran. Each row also says the smallest change its data could have detected.
 */
public final class VariantComparison {
  private VariantComparison() {}

  /** The threshold of records that do not say theirs: {@code compare}'s default. */
  public static final double DEFAULT_THRESHOLD = 0.05;

  /**
   * One variant against the baseline in one benchmark.
   *
   * @param benchmark the benchmark's key (without the variant)
   * @param baseScore the baseline's score with its interval (its own forks), or null
   * @param variantScore the variant's
   * @param ratio performance, variant over baseline (above 1 the variant is faster), from the pairs
   * @param pairs rounds in which both sides had a steady fork
   * @param rounds rounds that ended
   * @param detectable the smallest change these pairs would find four times in five (a fraction), or null
   *     when not compared
   * @param pValue two-sided p-value of "no change", or null when not compared
   */
  public record Row(String benchmark, String variant, String unit, Estimate baseScore, Estimate variantScore,
      Estimate ratio, int pairs, int rounds, Double detectable, Verdict verdict, String note, Double pValue) {

    /** A row without a comparison (no p-value). */
    Row(String benchmark, String variant, String unit, Estimate baseScore, Estimate variantScore, Estimate ratio,
        int pairs, int rounds, Double detectable, Verdict verdict, String note) {
      this(benchmark, variant, unit, baseScore, variantScore, ratio, pairs, rounds, detectable, verdict, note, null);
    }

    Row withVerdict(Verdict v, String extraNote) {
      String n = extraNote == null ? note : note == null ? extraNote : note + "; " + extraNote;
      return new Row(benchmark, variant, unit, baseScore, variantScore, ratio, pairs, rounds, detectable, v, n, pValue);
    }
  }

  /**
   * The comparison; {@link #regressed()} decides the exit code.
   *
   * @param variants every variant, the baseline first
   */
  public record Result(List<String> variants, List<Row> rows, List<String> warnings, double threshold,
      VariantRun.Duet duet) {
    public boolean regressed() {
      return rows.stream().anyMatch(r -> r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW);
    }

    public long count(Verdict v) {
      return rows.stream().filter(r -> r.verdict() == v).count();
    }

    public String baseline() {
      return variants.get(0);
    }
  }

  /** The variants of {@code rec} (which must have some: {@link RunRecord#hasVariants}) compared pair by pair. */
  public static Result compare(LoadedRecord rec, double threshold) {
    return compare(rec, threshold, InputValidation::badNumbers);
  }

  /**
   * As {@link #compare(LoadedRecord, double)}, told why a result's numbers cannot be used: an
   * analysis has checked every result, decoding its histograms, before it compares variants.
   */
  static Result compare(LoadedRecord rec, double threshold, Function<BenchmarkResult, String> whyBad) {
    RunRecord r = rec.record();
    VariantRun v = r.variants();
    List<String> warnings = new ArrayList<>();
    if (!r.run().isCompleted()) {
      warnings.add("the run is " + r.run().status() + " (continue it with archbench run --resume " + rec.file() + ")");
    }
    Map<String, BenchmarkResult> byKey = new TreeMap<>();
    r.results().forEach(x -> byKey.put(x.key(), x));
    Set<String> benchmarks = new LinkedHashSet<>();
    String suffix = VariantRun.KEY_SEPARATOR + v.names().get(0);
    for (BenchmarkResult x : r.results()) {
      if (x.key().endsWith(suffix)) {
        benchmarks.add(x.key().substring(0, x.key().length() - suffix.length()));
      }
    }
    String base = v.names().get(0);
    List<Row> rows = new ArrayList<>();
    Checked checked = new Checked(whyBad, r.hostKey());
    for (String b : new java.util.TreeSet<>(benchmarks)) {
      BenchmarkResult a = byKey.get(VariantRun.resultKey(b, base));
      for (String name : v.names().subList(1, v.names().size())) {
        rows.add(row(b, name, a, byKey.get(VariantRun.resultKey(b, name)), v.roundsOf(b), base, r.hostKey(),
            threshold, warnings, rec.file(), checked));
      }
    }
    return new Result(v.names(), controlFalseDiscoveries(rows), warnings, threshold, v.duet());
  }

  private static Row row(String benchmark, String name, BenchmarkResult a, BenchmarkResult b,
      List<VariantRun.Round> rounds, String base, String hostKey, double threshold, List<String> warnings,
      String file, Checked checked) {
    String unit = a != null ? a.unit() : b != null ? b.unit() : null;
    if (a == null || b == null) {
      return new Row(benchmark, name, unit, null, null, null, 0, rounds.size(), null, Verdict.NOT_COMPARED,
          "no result of " + (a == null ? base : name));
    }
    if (Status.SKIPPED.equals(a.status())) {
      return new Row(benchmark, name, unit, null, null, null, 0, rounds.size(), null, Verdict.NOT_COMPARED,
          "skipped: " + a.reason());
    }
    if (Status.FAILED.equals(a.status())) {
      return new Row(benchmark, name, unit, null, null, null, 0, rounds.size(), null, Verdict.NOT_COMPARED,
          "failed in the baseline " + base + ": " + a.reason());
    }
    if (Status.FAILED.equals(b.status())) {
      return new Row(benchmark, name, unit, null, null, null, 0, rounds.size(), null, Verdict.FAILED_IN_NEW,
          "failed in " + name + ": " + b.reason());
    }
    for (BenchmarkResult x : List.of(a, b)) {
      String bad = checked.bad(x);
      if (bad != null) {
        warnings.add(file + ": result " + x.key() + ": " + bad);
        return new Row(benchmark, name, unit, null, null, null, 0, rounds.size(), null, Verdict.NOT_COMPARED,
            bad);
      }
    }
    Estimate sa = checked.score(a);
    Estimate sb = checked.score(b);
    PairedRounds p = PairedRounds.of(rounds, base, a, name, b);
    String unpaired = p.unpaired() == 0 ? null
        : p.unpaired() + (p.unpaired() == 1 ? " round" : " rounds") + " left out (a fork not steady)";
    if (p.pairs() < 2) {
      return new Row(benchmark, name, unit, sa, sb, null, p.pairs(), rounds.size(), null, Verdict.NOT_COMPARED,
          p.pairs() + " paired " + (p.pairs() == 1 ? "round" : "rounds") + ": too few for an interval"
              + (unpaired == null ? "" : "; " + unpaired));
    }
    boolean lowerBetter = ScoreUnit.of(unit).map(ScoreUnit::inverted).orElse(!a.higherIsBetter());
    PairedRatio ratio = PairedRatio.of(p.base(), p.other(), lowerBetter, HierarchicalBootstrap.REPLICATES,
        ScoreInterval.seed(hostKey, VariantRun.resultKey(benchmark, name)));
    Estimate e = ratio.ratio();
    Verdict verdict = Verdict.of(e, threshold);
    // No scope caveat: the pairs are the runs-within-the-run, and what varies between them is the interval.
    String note = unpaired;
    return new Row(benchmark, name, unit, sa, sb, Rounding.r6(e), p.pairs(), rounds.size(),
        finite(Rounding.r6(ratio.detectableChange())), verdict, note, finite(ratio.pValue()));
  }

  /**
   * Each result of one record checked and its score estimated once, though the baseline's is
   * compared with every variant.
   */
  private static final class Checked {
    private final Function<BenchmarkResult, String> whyBad;
    private final String hostKey;
    private final Map<BenchmarkResult, Optional<String>> bad = new IdentityHashMap<>();
    private final Map<BenchmarkResult, Optional<Estimate>> scores = new IdentityHashMap<>();

    Checked(Function<BenchmarkResult, String> whyBad, String hostKey) {
      this.whyBad = whyBad;
      this.hostKey = hostKey;
    }

    /** Why {@code r}'s numbers cannot be used, or null. */
    String bad(BenchmarkResult r) {
      return bad.computeIfAbsent(r, x -> Optional.ofNullable(whyBad.apply(x))).orElse(null);
    }

    /** {@code r}'s score with its interval, rounded; null when it did not succeed. */
    Estimate score(BenchmarkResult r) {
      return scores.computeIfAbsent(r, x -> Optional.ofNullable(
          x.isOk() ? Rounding.r6(ScoreInterval.of(x, hostKey).estimate()) : null)).orElse(null);
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** Benjamini-Hochberg over every benchmark and variant compared, as {@link RegressionCheck} does. */
  static List<Row> controlFalseDiscoveries(List<Row> rows) {
    double[] p = rows.stream().filter(r -> r.pValue() != null).mapToDouble(Row::pValue).toArray();
    double cutoff = FalseDiscovery.cutoff(p, RegressionCheck.FALSE_DISCOVERY_RATE);
    List<Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      boolean significant = r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.IMPROVEMENT
          || r.verdict() == Verdict.WITHIN_THRESHOLD;
      if (significant && !(r.pValue() != null && r.pValue() <= cutoff)) {
        out.add(r.withVerdict(Verdict.NO_SIGNIFICANT_DIFFERENCE, "its interval excludes no change, but not"
            + " after correcting for " + p.length + " comparisons"));
      } else {
        out.add(r);
      }
    }
    return out;
  }

  /** The verdict in words, naming the variant where the comparison of two runs says NEW. */
  public static String verdictText(Row r) {
    return r.verdict() == Verdict.FAILED_IN_NEW ? "failed in " + r.variant() : r.verdict().text();
  }

  /** How the forks of a round ran, in words. */
  public static String concurrency(Result res) {
    return res.duet() == null ? "one after another, in a seeded random order"
        : "at the same time (duet, " + res.duet().method() + ": CPUs " + String.join(" | ", res.duet().cpus()) + ")";
  }

  /** The Markdown summary (for a job summary or PR comment). */
  public static String markdown(Result res, String file) {
    StringBuilder sb = new StringBuilder();
    sb.append("# archbench compare: variants\n\n");
    sb.append("Record: `").append(file.replace("`", "'").replace("\n", " ")).append("` · baseline: `")
        .append(md(res.baseline())).append("` · variants: ")
        .append(md(String.join(", ", res.variants().subList(1, res.variants().size()))))
        .append(" · threshold: ").append(Fmt.percent(res.threshold())).append(" · forks of a round ran ")
        .append(concurrency(res)).append("\n\n");
    CompareText.verdictsAndWarnings(sb, res.rows().stream().map(Row::verdict).toList(), res.warnings());
    sb.append("| Benchmark | Variant | Baseline | Variant score | Change (95% interval) | Pairs | Detectable | Verdict |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (Row r : res.rows()) {
      boolean bad = r.verdict() == Verdict.REGRESSION || r.verdict() == Verdict.FAILED_IN_NEW;
      sb.append("| ").append(md(r.benchmark())).append(" | ").append(md(r.variant())).append(" | ")
          .append(r.baseScore() == null ? "–" : Fmt.est(r.baseScore()) + " " + md(r.unit())).append(" | ")
          .append(r.variantScore() == null ? "–" : Fmt.est(r.variantScore()) + " " + md(r.unit())).append(" | ")
          .append(r.ratio() == null ? "–" : Fmt.changeEst(r.ratio())).append(" | ")
          .append(r.pairs()).append(" of ").append(r.rounds()).append(" | ")
          .append(r.detectable() == null ? "–" : "±" + Fmt.percent(r.detectable())).append(" | ")
          .append(bad ? "**" + verdictText(r) + "**" : verdictText(r))
          .append(r.note() == null ? "" : " (" + md(r.note()) + ")").append(" |\n");
    }
    sb.append("\nChange is the performance of the variant over the baseline's (for times per operation, the"
        + " baseline's time over the variant's), so negative is slower. It is computed from the rounds in which"
        + " both had a steady fork (pairs): the bootstrap resamples rounds with both forks together, then"
        + " iterations within each fork (" + HierarchicalBootstrap.REPLICATES + " replicates, fixed seed, widened"
        + " for few rounds). A difference is significant when the 95% interval excludes zero and it holds after the"
        + " Benjamini-Hochberg correction over all rows (false discovery rate "
        + Fmt.percent(RegressionCheck.FALSE_DISCOVERY_RATE) + "); a regression is a significant change worse than"
        + " the threshold. Detectable is the smallest change these pairs would have found four times in five"
        + " (the interval's half-width × (1.96 + 0.84) / 1.96): \"no significant difference\" says nothing about"
        + " smaller ones.\n");
    return sb.toString();
  }

  /** One row per benchmark and variant for scripts (the variant check reads it); numbers in Locale.ROOT. */
  public static String csv(Result res) {
    StringBuilder sb = new StringBuilder(
        "key,variant,verdict,ratio,ratio_lower,ratio_upper,p_value,pairs,rounds,detectable\n");
    for (Row r : res.rows()) {
      sb.append(Csv.field(r.benchmark())).append(',').append(Csv.field(r.variant())).append(',')
          .append(Csv.field(verdictText(r))).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().value())).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().lower())).append(',')
          .append(r.ratio() == null ? "" : Fmt.num(r.ratio().upper())).append(',')
          .append(r.pValue() == null ? "" : String.format(java.util.Locale.ROOT, "%.3g", r.pValue())).append(',')
          .append(r.pairs()).append(',').append(r.rounds()).append(',')
          .append(r.detectable() == null ? "" : Fmt.num(r.detectable())).append('\n');
    }
    return sb.toString();
  }
}
