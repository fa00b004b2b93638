package dev.archbench.harness.fingerprint.parse;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Pure parsers for cgroup limit files. Every method answers "no limit" (empty) for unlimited values
 * and for anything it cannot read, so a container fingerprint never invents a limit.
 */
public final class CgroupLimits {
  /** cgroup v1 writes "unlimited" as LONG_MAX rounded down to a page; anything this large is no limit. */
  private static final long V1_UNLIMITED = 1L << 62;

  private CgroupLimits() {}

  /** cgroup v2 {@code cpu.max}: {@code "max 100000"} or {@code "150000 100000"} (quota, period in µs). */
  public static OptionalDouble cpuMax(String content) {
    if (content == null) {
      return OptionalDouble.empty();
    }
    String[] parts = content.strip().split("\\s+");
    if (parts.length == 0 || parts[0].equals("max")) {
      return OptionalDouble.empty();
    }
    return quota(parts[0], parts.length > 1 ? parts[1] : "100000");
  }

  /** cgroup v1 {@code cpu.cfs_quota_us} / {@code cpu.cfs_period_us}; quota -1 means unlimited. */
  public static OptionalDouble quota(String quotaUs, String periodUs) {
    try {
      long q = Long.parseLong(quotaUs.strip());
      long p = Long.parseLong(periodUs.strip());
      return q > 0 && p > 0 ? OptionalDouble.of((double) q / p) : OptionalDouble.empty();
    } catch (NumberFormatException | NullPointerException e) {
      return OptionalDouble.empty();
    }
  }

  /**
   * v2 {@code memory.max} ({@code max} or bytes) or v1 {@code memory.limit_in_bytes}. A limit at or
   * above the machine's memory does not limit anything (the JDK's container support reads it the same
   * way), so it is reported as none.
   */
  public static OptionalLong memory(String content, Long physicalBytes) {
    if (content == null) {
      return OptionalLong.empty();
    }
    String t = content.strip();
    if (t.equals("max") || t.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(t);
      if (v <= 0 || v >= V1_UNLIMITED || physicalBytes != null && v >= physicalBytes) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(v);
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
  /**
   * The CPU request a v1 {@code cpu.shares} stands for, in vCPU: Kubernetes writes
   * {@code request(millicores) * 1024 / 1000}, so shares / 1024; its minimum of 2 means no request.
   * Only meaningful under an orchestrator: a plain host's default of 1024 is not a request.
   */
  public static OptionalDouble sharesRequest(String content) {
    long shares = positive(content);
    return shares <= 2 ? OptionalDouble.empty() : OptionalDouble.of(shares / 1024.0);
  }

  /**
   * The CPU request a v2 {@code cpu.weight} stands for, in vCPU, through the classic runc mapping
   * {@code weight = 1 + (shares - 2) * 9999 / 262142} inverted (within about 0.02 vCPU: one weight
   * step is 26 shares). Weight 1 is Kubernetes' "no request". Only meaningful under an orchestrator.
   */
  public static OptionalDouble weightRequest(String content) {
    long weight = positive(content);
    if (weight <= 1 || weight > 10000) {
      return OptionalDouble.empty();
    }
    // The mapping rounds down, so a weight stands for a range of shares: take its middle.
    double shares = 2 + (weight - 0.5) * 262142.0 / 9999.0;
    return OptionalDouble.of(Math.round(shares / 1024.0 * 100) / 100.0);
  }

  private static long positive(String content) {
    if (content == null) {
      return -1;
    }
    try {
      return Long.parseLong(content.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
