package dev.archbench.record;

import java.util.ArrayList;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One run on one host: the fingerprint and every benchmark's raw data. Immutable; the runner
 * replaces the file with a new version after each benchmark.
 */
public record RunRecord(int schemaVersion, Host host, RunInfo run, List<BenchmarkResult> results,
    @JsonInclude(JsonInclude.Include.NON_NULL) VariantRun variants) {

  /** Version of the format written by this build. Readers accept this and every older version. */
  public static final int SCHEMA_VERSION = 2;

  /** A record of a run without variants (what every run was before {@code --variant}). */
  public RunRecord(int schemaVersion, Host host, RunInfo run, List<BenchmarkResult> results) {
    this(schemaVersion, host, run, results, null);
  }

  public static RunRecord start(Host host, RunInfo run) {
    return new RunRecord(SCHEMA_VERSION, host, run, List.of());
  }

  /** A copy with {@code result} added, replacing an earlier result with the same key. */
  public RunRecord withResult(BenchmarkResult result) {
    // In place when the key is present (a benchmark measured fork by fork keeps its position).
    List<BenchmarkResult> next = new ArrayList<>(results.size() + 1);
    boolean replaced = false;
    for (BenchmarkResult r : results) {
      if (r.key().equals(result.key())) {
        next.add(result);
        replaced = true;
      } else {
        next.add(r);
      }
    }
    if (!replaced) {
      next.add(result);
    }
    return new RunRecord(schemaVersion, host, run, List.copyOf(next), variants);
  }

  /**
   * The host a record speaks for in reports: its EC2 instance type, else its label, else the host
   * id. Records with one host key are the instance level of that host's intervals.
   */
  public String hostKey() {
    Host.Cloud c = host.cloud();
    if (c != null && c.instanceType() != null && !c.instanceType().isBlank()) {
      return c.instanceType();
    }
    if (run.label() != null && !run.label().isBlank()) {
      return run.label();
    }
    return host.id() != null ? host.id() : "unknown host";
  }

  public RunRecord withRun(RunInfo newRun) {
    return new RunRecord(schemaVersion, host, newRun, results, variants);
  }

  /** A copy with {@code newVariants} (the variants of a {@code --variant} run and their pairing). */
  public RunRecord withVariants(VariantRun newVariants) {
    return new RunRecord(schemaVersion, host, run, results, newVariants);
  }

  /** Whether this is a run of variants ({@code --variant}), whose results are compared pairwise. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean hasVariants() {
    return variants != null && variants.variants().size() >= 2;
  }
}
