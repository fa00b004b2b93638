package dev.archbench.harness.fingerprint;

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
}
