package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Latency;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * The latency histograms of one analysis, decoded once: validation decodes each result's histograms
 * to check them and keeps its forks added into one histogram, which the result's cell adds to its
 * host's. Kept packed: a decoded histogram holds counts for its whole range (an hour in ns, about
 * 270 KiB), a packed one only the counts recorded. Adding forks in two steps gives the same counts,
 * so the same percentiles, as adding them all at once.
 */
final class DecodedLatency {
  /** The range and precision every producer's histograms have ({@link Latency#newHistogram}). */
  private static final Histogram SHAPE = Latency.newHistogram();

  private final Map<BenchmarkResult, AbstractHistogram> byResult = new IdentityHashMap<>();

  /** Every histogram of {@code r}'s latency, decoded; a malformed one is an IllegalArgumentException. */
  private static List<Histogram> decode(BenchmarkResult r) {
    List<Histogram> out = new ArrayList<>();
    if (r.latency() != null) {
      for (String h : r.latency().histograms()) {
        out.add(Latency.decode(h));
      }
    }
    return out;
  }

  /** Decodes and keeps {@code r}'s histograms; why they cannot be used, or null. */
  String keep(BenchmarkResult r) {
    List<Histogram> forks;
    try {
      forks = decode(r);
    } catch (IllegalArgumentException e) {
      return "latency histogram cannot be decoded (" + e.getMessage() + ")";
    }
    if (forks.isEmpty()) {
      return null;
    }
    PackedHistogram merged = new PackedHistogram(SHAPE);
    try {
      forks.forEach(merged::add);
    } catch (ArrayIndexOutOfBoundsException e) {
      return "latency histogram holds values beyond the range of archbench's histograms";
    }
    byResult.put(r, merged);
    return null;
  }

  /** {@code r}'s forks added into one histogram; null when it has no histograms. */
  AbstractHistogram of(BenchmarkResult r) {
    return byResult.get(r);
  }
}
