package dev.archbench.reports;

import dev.archbench.reports.stats.Estimate;
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
    List<String> problems) {

  /** How the numbers were computed, stated in every report. */
  public record Method(String interval, String scoreEstimator, int replicates, String seed,
      String significance, String geometricMean, String priceNormalization) {}

  /**
   * One host: every record with the same instance type (or label, or host id off-cloud).
   *
   * @param noisy why its numbers are not fit for price comparisons (smoke profile, shared CI runner)
   * @param priceCompared whether it takes part in price comparisons (not noisy, or --allow-noisy)
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
      String unpriced) {}

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
   * One benchmark on one host.
   *
   * @param score in the record's unit, mean over forks, with its bootstrap interval
   * @param relative performance relative to the baseline host (above 1 is better), with interval
   * @param workPerSecond the score as work per second (times per op inverted), null if no work rate
   * @param workPerDollar in {@code perDollarUnit} of the row
   * @param costPerMillion in {@code costUnit} of the row
   * @param perVcpu work per second per vCPU; {@code perPhysicalCore} likewise per physical core
   * @param knee highest rate with p99 under the target (from the result's {@code knee} metric)
   * @param costPerMillionAtKnee dollars per million requests when serving at the knee
   */
  public record Cell(
      String host,
      String status,
      String reason,
      int records,
      int forks,
      int iterations,
      Estimate score,
      Estimate relative,
      String relativeVerdict,
      Estimate workPerSecond,
      Estimate workPerDollar,
      Estimate costPerMillion,
      Estimate perVcpu,
      Estimate perPhysicalCore,
      Estimate knee,
      String kneeUnit,
      Double kneeTargetMs,
      Estimate costPerMillionAtKnee,
      Map<String, Double> percentiles,
      String percentileUnit,
      Map<String, Double> secondary,
      List<String> notes) {}

  /** Geometric means of one workload (or of all, for the overall summary) per host. */
  public record WorkloadSummary(String workload, List<HostAggregate> hosts, String performanceVerdict,
      String pricePerformanceVerdict) {}

  /**
   * @param relative geometric mean of performance relative to the baseline
   * @param relativePricePerformance the same for work per dollar; null when either is unpriced
   */
  public record HostAggregate(String host, int benchmarks, Estimate relative,
      Estimate relativePricePerformance) {}

  /** Answer to one {@code --target-load}. */
  public record CapacityPlan(String target, String workload, String selector, double ratePerSecond,
      String percentile, double boundMs, List<CapacityAnswer> answers) {}

  /**
   * @param instances to serve the rate at the knee's point estimate; {@code instancesConservative}
   *     at its lower bound
   * @param monthlyUsd at 730 hours per month
   */
  public record CapacityAnswer(String host, String benchmark, Estimate knee, Double kneeTargetMs,
      Integer instances, Integer instancesConservative, Double monthlyUsd,
      Double monthlyUsdConservative, String note) {}
}
