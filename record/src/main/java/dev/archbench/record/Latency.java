package dev.archbench.record;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A latency distribution, kept per fork as HdrHistogram histograms so that any level (fork, record,
 * host) can be merged before a percentile is taken; a mean of p99s is not a p99.
 *
 * <p>Each histogram is HdrHistogram's own compressed encoding in Base64 (the payload of an
 * HdrHistogram log line, {@code Histogram.encodeIntoCompressedByteBuffer}), values in nanoseconds,
 * so any tool that reads HdrHistogram can decode it. {@code percentilesMs} is a summary of all forks
 * merged, for people reading the record; reports recompute percentiles from the histograms.
 *
 * @param histogramUnit unit of the histograms' values: always {@value #NANOSECONDS}
 * @param histograms per fork, compressed Base64; empty in records upgraded from version 1, which
 *     kept only the summary
 * @param percentilesMs the merged distribution's percentiles in milliseconds
 */
public record Latency(String histogramUnit, List<String> histograms, Map<Percentile, Double> percentilesMs) {
  public static final String NANOSECONDS = "ns";
  /** The percentiles written in the summary. */
  public static final List<Percentile> SUMMARY =
      List.of(Percentile.P50, Percentile.P90, Percentile.P99, Percentile.P99_9, Percentile.MAX);
  /** Highest trackable value: one hour in ns, three significant digits (HdrHistogram's usual setup). */
  static final long HIGHEST_NANOS = 3_600_000_000_000L;

  public Latency {
    histograms = histograms == null ? List.of() : List.copyOf(histograms);
    percentilesMs = percentilesMs == null ? Map.of() : new TreeMap<>(percentilesMs);
  }

  /** A new, empty histogram in nanoseconds with the range and precision every producer uses. */
  public static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_NANOS, 3);
  }

  /** The distribution of {@code perFork} histograms (values in nanoseconds). */
  public static Latency ofForks(List<Histogram> perFork) {
    List<String> encoded = new ArrayList<>(perFork.size());
    Histogram all = newHistogram();
    for (Histogram h : perFork) {
      encoded.add(encode(h));
      all.add(h);
    }
    return new Latency(NANOSECONDS, encoded, summaryOf(all));
  }

  /** The histograms of every fork decoded and added together. */
  public Histogram merged() {
    Histogram all = newHistogram();
    decodedForks().forEach(all::add);
    return all;
  }

  public List<Histogram> decodedForks() {
    return histograms.stream().map(Latency::decode).toList();
  }

  /** Percentiles in ms of a histogram in ns; {@code p100} is the maximum. */
  public static Map<Percentile, Double> summaryOf(Histogram h) {
    Map<Percentile, Double> out = new TreeMap<>();
    if (h.getTotalCount() == 0) {
      return out;
    }
    for (Percentile p : SUMMARY) {
      out.put(p, millis(h, p));
    }
    return out;
  }

  /** One percentile in ms of a histogram in ns. */
  public static double millis(Histogram h, Percentile p) {
    long v = p.value() >= 100 ? h.getMaxValue() : h.getValueAtPercentile(p.value());
    return v / 1e6;
  }

  /** HdrHistogram's compressed encoding, in Base64. */
  public static String encode(Histogram h) {
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int n = h.encodeIntoCompressedByteBuffer(buf);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf.array(), n));
  }

  /** Decodes {@link #encode}'s output; a malformed string is an {@link IllegalArgumentException}. */
  public static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an HdrHistogram compressed histogram: " + e.getMessage(), e);
    }
  }
}
