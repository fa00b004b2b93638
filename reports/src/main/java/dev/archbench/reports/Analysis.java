package dev.archbench.reports;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.record.Status;
import dev.archbench.reports.SizeCurves.SizeCurve;
import dev.archbench.stats.Estimate;
import dev.archbench.stats.IntervalScope;
import dev.archbench.workload.Profile;
import java.util.List;
import java.util.Map;

/**
 * Everything a report computes, independent of its format. The JSON format is this tree as is; the
 * other formats render parts of it. Numbers are rounded to 6 significant digits so that outputs are
 * byte-identical across JVMs and architectures. {@code null} means "not applicable or unknown".
 *
 * @param baseline key of the host that relative figures compare against
 * @param priceSources one line per price catalog used, with its date
 * @param problems one line per problem with the input, naming the file
 * @param loadCpu where the CPU went in load tests whose client and server share the host
 * @param lambdaSizes Lambda functions by memory size per benchmark, architecture and start (cold, warm); left out of the JSON when empty
 * @param variants per record of a run of variants ({@code run --variant}), its variants compared with
 *     its baseline pair by pair; absent from the JSON when there is none
 */
public record Analysis(
    String title,
    Method method,
    String pricingModel,
    List<String> priceSources,
    String baseline,
    boolean allowNoisy,
    List<HostSummary> hosts,
    List<BenchmarkRow> benchmarks,
    List<WorkloadSummary> workloads,
    WorkloadSummary overall,
    List<CapacityPlan> capacity,
    List<String> problems,
    List<LoadCpu> loadCpu,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<SizeCurve> lambdaSizes,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<VariantSection> variants) {

  /**
   * The variants of one record compared with its baseline, pair by pair ({@link VariantComparison}).
   *
   * @param concurrency how a round's forks ran, in words
   * @param threshold the run's threshold, the one the verdicts use
   */
  public record VariantSection(String file, String host, List<String> variants, String concurrency,
      double threshold, List<VariantComparison.Row> rows) {}

  /** How the numbers were computed, stated in every report. */
  public record Method(String interval, String scoreEstimator, int replicates, String seed,
      String significance, String geometricMean, String priceNormalization) {}

  /**
   * One host: every record with the same instance type (or label, or host id off-cloud).
   *
   * @param profiles the profiles its records ran, as the records name them, sorted
   * @param noisy why its numbers are not fit for price comparisons (smoke profile, shared CI runner)
   * @param priceCompared whether it takes part in price comparisons (not noisy, or --allow-noisy)
   * @param loadHost where the load came from when it came from another host (two-host records: this
   *     host is the server); null when the generator ran on this host
   */
  public record HostSummary(
      String key,
      String label,
      String instanceType,
      String region,
      String lifecycle,
      String arch,
      String cpuVendor,
      String cpuModel,
      String microarchitecture,
      Integer vcpus,
      Integer physicalCores,
      Long memoryBytes,
      String accelerators,
      String jvm,
      String os,
      List<String> runIds,
      List<String> files,
      List<String> profiles,
      List<String> noisy,
      boolean priceCompared,
      Double usdPerHour,
      String priceSource,
      String priceNote,
      String unpriced,
      @JsonInclude(JsonInclude.Include.NON_NULL)
      LoadSource loadHost) {

    /** Whether every record of this host ran the smoke profile. */
    public boolean smokeOnly() {
      return profiles.equals(List.of(Profile.SMOKE.id()));
    }
  }

  /** One benchmark (workload, benchmark, parameters, threads) across hosts. */
  public record BenchmarkRow(
      String key,
      String workload,
      String benchmark,
      Map<String, String> params,
      int threads,
      String unit,
      boolean higherIsBetter,
      String workUnit,
      String perDollarUnit,
      String costUnit,
      List<Cell> cells,
      String pricePerformanceVerdict) {}

  /**
   * One benchmark on one host, in named parts.
   *
   * @param status of the latest record when none succeeded, else ok
   * @param sample how much data the figures rest on and which levels of variation the interval covers
   * @param score in the record's unit, mean over records of the mean over forks, with its 95%
   *     interval; null with a note when it cannot be computed (values that overflow)
   * @param relative performance relative to the baseline host, or null
   * @param rates work rates and price-performance; fields are null where they do not apply
   * @param knee the highest rate within a latency bound, for knee searches, else null
   * @param latency percentiles of the merged latency histograms, for sampled and load-tested benchmarks
   * @param secondary other metrics (mean over records), for people to read
   * @param notes one line per caveat, including every figure that was not computed and why
   */
  public record Cell(
      String host,
      Status status,
      String reason,
      Sample sample,
      Estimate score,
      Comparison relative,
      Rates rates,
      KneeCell knee,
      LatencyCell latency,
      Map<String, Double> secondary,
      List<String> notes) {}

  /**
   * @param records results of this benchmark on this host; {@code forks} and {@code iterations}
   *     are counted over the successful ones
   * @param scope the levels of variation the interval includes
   * @param recordSpread the lowest and highest per-record score (each record's mean of fork means,
   *     in the row's unit) when several records succeeded, else null: the instance-to-instance (or
   *     run-to-run) spread that the interval includes
   */
  public record Sample(int records, int forks, int iterations, IntervalScope scope, Spread recordSpread,
      PrecisionCell precision) {
    public static final Sample NONE = new Sample(0, 0, 0, IntervalScope.NONE, null, null);

    public Sample(int records, int forks, int iterations, IntervalScope scope, Spread recordSpread) {
      this(records, forks, iterations, scope, recordSpread, null);
    }
  }

  /**
   * What the runs asked of a cell's precision and what they reached (records without a precision part
   * leave it null).
   *
   * @param target the half-width asked for, as a fraction (the largest of the records'), or null
   * @param halfWidth this cell's interval's half-width relative to its score (the report's interval,
   *     over all its records)
   * @param stopReasons why the runs stopped measuring, distinct, in record order
   * @param missed how many of the cell's records stopped before reaching their target
   * @param unsteadyForks forks of the cell's records that never became steady, left out of its score
   */
  public record PrecisionCell(Double target, Double halfWidth, List<String> stopReasons, int missed,
      int unsteadyForks) {}

  /** The range of a few values, e.g. of per-record scores. */
  public record Spread(double min, double max) {}

  /** Performance relative to the baseline host (above 1 is better) and what it means. */
  public record Comparison(Estimate ratio, Verdict verdict) {}

  /** How a cell compares with the baseline host's. */
  public enum Verdict {
    BASELINE("baseline"),
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** One side is a single measurement: a ratio, but no interval to test it with. */
    UNTESTED("untested: a single measurement has no interval");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    @JsonValue
    public String text() {
      return text;
    }
  }

  /**
   * @param workPerSecond the score as work per second (times per op inverted), null if no work rate
   * @param workPerDollar in {@code perDollarUnit} of the row
   * @param costPerMillion in {@code costUnit} of the row
   * @param perVcpu work per second per vCPU; {@code perPhysicalCore} likewise per physical core
   */
  public record Rates(Estimate workPerSecond, Estimate workPerDollar, Estimate costPerMillion,
      Estimate perVcpu, Estimate perPhysicalCore) {
    public static final Rates NONE = new Rates(null, null, null, null, null);
  }

  /**
   * The knee of a load test on one host.
   *
   * @param rate the knee over records and forks, with its 95% interval, in {@code unit}
   * @param scope the levels of variation the interval includes
   * @param found how the search ended; {@code lower-bound}: the knee is at least {@code rate};
   *     {@code upper-bound}: it is below
   * @param costPerMillion dollars per million requests when serving at the knee, or null
   * @param disagreement when the host's records ended their searches differently (one bracketed the
   *     knee, another found no rate within the bound), in words; the interval spans their knees
   * @param searches every fork's search step by step, over the host's records: the latency-against-load
   *     curves (empty for records written before steps were kept)
   * @param limitedBy whose limit ended the searches: {@code generator} when any record's load generator
   *     ended its search (the server's knee is then at least the rate), else {@code server}; null when
   *     not recorded
   */
  public record KneeCell(Estimate rate, IntervalScope scope, String unit, Percentile percentile, double boundMs,
      Knee.Found found, Estimate costPerMillion, String disagreement, List<List<Knee.Step>> searches,
      @JsonInclude(JsonInclude.Include.NON_NULL)
      Knee.LimitedBy limitedBy) {

    /** Steps of the searches left out of the knee because the load generator was too busy. */
    @JsonIgnore
    public long generatorBoundSteps() {
      return searches.stream().flatMap(List::stream)
          .filter(s -> s.invalid() == Knee.Step.Invalid.GENERATOR_BOUND).count();
    }
  }

  /**
   * @param percentilesMs of the merged distribution, in ms
   * @param histograms how many per-fork histograms were merged (0 for version-1 summaries)
   * @param source where the percentiles come from, in words
   */
  public record LatencyCell(Map<Percentile, Double> percentilesMs, int histograms, String source) {}

  /** Geometric means of one workload (or of all, for the overall summary) per host. */
  public record WorkloadSummary(String workload, List<HostAggregate> hosts, String performanceVerdict,
      String pricePerformanceVerdict) {}

  /**
   * @param relative geometric mean of performance relative to the baseline
   * @param relativePricePerformance the same for work per dollar; null when either is unpriced
   */
  public record HostAggregate(String host, int benchmarks, Estimate relative,
      Estimate relativePricePerformance) {}

  /**
   * The CPU split of a load test on one host (the record's {@code cpu}), mean over its records:
   * cores used by the server's threads, the load generator's and the rest of the process.
   *
   * @param benchmark the key of the benchmark row
   * @param serverRequestsPerCpuSecond requests per CPU-second of the server alone, comparable across
   *     hosts although the load generator shares the machine; null when not measured
   */
  public record LoadCpu(String benchmark, String host, int records, double serverCores, double clientCores,
      double otherCores, Double serverRequestsPerCpuSecond) {}

  /** Answer to one {@code --target-load}. */
  public record CapacityPlan(String target, String workload, String selector, double ratePerSecond,
      Percentile percentile, double boundMs, List<CapacityAnswer> answers) {}

  /**
   * @param instances to serve the rate at the knee's point estimate; {@code instancesConservative}
   *     at its interval's lower bound; when {@code kneeFound} is {@code lower-bound} they are at most
   *     this many, when {@code upper-bound} at least (the note says so)
   * @param monthlyUsd at 730 hours per month
   */
  public record CapacityAnswer(String host, String benchmark, Estimate knee, Double kneeBoundMs,
      Knee.Found kneeFound, Integer instances, Integer instancesConservative, Double monthlyUsd,
      Double monthlyUsdConservative, String note) {}
}
