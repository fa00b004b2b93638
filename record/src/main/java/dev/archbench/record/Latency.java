package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.PackedHistogram;

/**
 * A latency distribution, kept per fork as HdrHistogram histograms so that any level (fork, record,
 * host) can be merged before a percentile is taken; a mean of p99s is not a p99.
 *
 * <p>Each histogram is HdrHistogram's own compressed encoding in Base64 (the payload of an
 * HdrHistogram log line, {@code Histogram.encodeIntoCompressedByteBuffer}), values in nanoseconds,
 * so any tool that reads HdrHistogram can decode it. {@code percentilesMs} is a summary of all forks
 * merged, for people reading the record; reports recompute percentiles from the histograms.
 *
 * <p>Its JSON properties: {@code histogramUnit}, the unit of the histograms' values, always
 * {@value #NANOSECONDS}; {@code histograms}, per fork, compressed Base64, empty in records upgraded
 * from version 1, which kept only the summary; {@code percentilesMs}, the merged distribution's
 * percentiles in milliseconds. A class rather than a record only to keep their merged histogram
 * beside them, decoded once, so that adding a fork ({@link #merge}) costs that fork and not every
 * earlier one again; equality, like the JSON, is the three properties.
 */
@JsonPropertyOrder({"histogramUnit", "histograms", "percentilesMs"})
public final class Latency {
  public static final String NANOSECONDS = "ns";
  /** The percentiles written in the summary. */
  public static final List<Percentile> SUMMARY =
      List.of(Percentile.P50, Percentile.P90, Percentile.P99, Percentile.P99_9, Percentile.MAX);
  /** Highest trackable value: one hour in ns, three significant digits (HdrHistogram's usual setup). */
  static final long HIGHEST_NANOS = 3_600_000_000_000L;

  private final String histogramUnit;
  private final List<String> histograms;
  private final Map<Percentile, Double> percentilesMs;
  /**
   * Every fork's histogram added together, decoded on first use when read from a file; never handed
   * out. Packed: a result keeps it for the whole run, and a plain histogram of this range holds about
   * 260 KiB of counts, mostly zeros.
   */
  private volatile PackedHistogram merged;

  @JsonCreator
  public Latency(@JsonProperty("histogramUnit") String histogramUnit,
      @JsonProperty("histograms") List<String> histograms,
      @JsonProperty("percentilesMs") Map<Percentile, Double> percentilesMs) {
    this(histogramUnit, histograms, percentilesMs, null);
  }

  private Latency(String histogramUnit, List<String> histograms, Map<Percentile, Double> percentilesMs,
      PackedHistogram merged) {
    this.histogramUnit = histogramUnit;
    this.histograms = histograms == null ? List.of() : List.copyOf(histograms);
    this.percentilesMs = percentilesMs == null ? Map.of() : new TreeMap<>(percentilesMs);
    this.merged = merged;
  }

  @JsonProperty
  public String histogramUnit() {
    return histogramUnit;
  }

  @JsonProperty
  public List<String> histograms() {
    return histograms;
  }

  @JsonProperty
  public Map<Percentile, Double> percentilesMs() {
    return percentilesMs;
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
    return new Latency(NANOSECONDS, encoded, summaryOf(all), packed(all));
  }

  /**
   * This distribution with {@code next}'s forks after its own, exactly as {@link #ofForks} of all of
   * them would be: each fork's encoded histogram is kept as it is; only the merged histogram, and the
   * summary taken from it, are combined.
   */
  public Latency merge(Latency next) {
    List<String> forks = new ArrayList<>(histograms);
    forks.addAll(next.histograms);
    PackedHistogram all = mergedOnce().copy();
    all.add(next.mergedOnce());
    return new Latency(NANOSECONDS, forks, summaryOf(all), all);
  }

  /** The histograms of every fork decoded and added together (a copy, the caller's to change). */
  public Histogram merged() {
    Histogram all = newHistogram();
    all.add(mergedOnce());
    return all;
  }

  private PackedHistogram mergedOnce() {
    PackedHistogram all = merged;
    if (all == null) {
      Histogram sum = newHistogram();
      decodedForks().forEach(sum::add);
      all = packed(sum);
      merged = all; // two threads racing here decode equal histograms: harmless
    }
    return all;
  }

  private static PackedHistogram packed(Histogram h) {
    PackedHistogram p = new PackedHistogram(h); // the same range and precision, no counts yet
    p.add(h);
    return p;
  }

  public List<Histogram> decodedForks() {
    return histograms.stream().map(Latency::decode).toList();
  }

  /** Percentiles in ms of a histogram in ns; {@code p100} is the maximum. */
  public static Map<Percentile, Double> summaryOf(AbstractHistogram h) {
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
  public static double millis(AbstractHistogram h, Percentile p) {
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Latency l && Objects.equals(histogramUnit, l.histogramUnit)
        && histograms.equals(l.histograms) && percentilesMs.equals(l.percentilesMs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(histogramUnit, histograms, percentilesMs);
  }

  @Override
  public String toString() {
    return "Latency[histogramUnit=" + histogramUnit + ", histograms=" + histograms + ", percentilesMs="
        + percentilesMs + "]";
  }
}
