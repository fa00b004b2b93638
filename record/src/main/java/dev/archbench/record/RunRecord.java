package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * One run on one host: the fingerprint and every benchmark's raw data. Immutable; the runner
 * replaces the file with a new version after each benchmark.
 *
 * @param host the host the results speak for: the system under test. In a two-host run
 *     ({@code --server}, {@code --target-agent}) the server's, as its agent described it
 * @param loadHost where the load came from in a two-host run; null (absent) when the load generator
 *     ran on {@code host}
 * @param variants the variants of a {@code --variant} run and their pairing; null (absent) otherwise
 */
public record RunRecord(int schemaVersion, Host host, RunInfo run, List<BenchmarkResult> results,
    @JsonInclude(JsonInclude.Include.NON_NULL) LoadHost loadHost,
    @JsonInclude(JsonInclude.Include.NON_NULL) VariantRun variants) {

  /** Version of the format written by this build. Readers accept this and every older version. */
  public static final int SCHEMA_VERSION = 2;

  /** A record whose load generator ran on its host, without variants (every record before both). */
  public RunRecord(int schemaVersion, Host host, RunInfo run, List<BenchmarkResult> results) {
    this(schemaVersion, host, run, results, null, null);
  }

  public static RunRecord start(Host host, RunInfo run) {
    return new RunRecord(SCHEMA_VERSION, host, run, List.of(), null, null);
  }

  /** A two-host run: {@code server} is the system under test, {@code load} the generator's side. */
  public static RunRecord start(Host server, RunInfo run, LoadHost load) {
    return new RunRecord(SCHEMA_VERSION, server, run, List.of(), load, null);
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
    return new RunRecord(schemaVersion, host, run, List.copyOf(next), loadHost, variants);
  }

  /**
   * The host a record speaks for in reports: a Fargate task's or Lambda function's size and
   * architecture ({@link Platform#hostKey}: what is paid for, and for a Lambda invocation whether it
   * was cold or warm), else its EC2 instance type, else its label, else the host id. Records with one
   * host key are the instance level of that host's intervals; several tasks of one size are several
   * records of one host, and so are the warm invocations of one function.
   */
  public String hostKey() {
    String sized = host.platform() == null ? null : host.platform().hostKey(host.arch());
    if (sized != null) {
      return sized;
    }
    Host.Cloud c = host.cloud();
    if (c != null && c.instanceType() != null && !c.instanceType().isBlank()) {
      return c.instanceType();
    }
    if (run.label() != null && !run.label().isBlank()) {
      return run.label();
    }
    return host.id() != null ? host.id() : "unknown host";
  }

  /** A copy with {@code newHost} (a Lambda invocation's record, once the handler says cold or warm). */
  public RunRecord withHost(Host newHost) {
    return new RunRecord(schemaVersion, newHost, run, results, loadHost, variants);
  }

  public RunRecord withRun(RunInfo newRun) {
    return new RunRecord(schemaVersion, host, newRun, results, loadHost, variants);
  }

  /** A copy with {@code newVariants} (the variants of a {@code --variant} run and their pairing). */
  public RunRecord withVariants(VariantRun newVariants) {
    return new RunRecord(schemaVersion, host, run, results, loadHost, newVariants);
  }

  /** Whether this is a run of variants ({@code --variant}), whose results are compared pairwise. */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean hasVariants() {
    return variants != null && variants.variants().size() >= 2;
  }
}
