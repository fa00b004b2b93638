package dev.archbench.record;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A percentile of a latency distribution, such as p99 or p99.9: the one type for percentile keys in
 * records, reports and {@code --target-load}. Written as {@code "p99"}, {@code "p99.9"},
 * {@code "p100"} (the maximum); read from that form or a bare number ({@code "99"}, {@code "99.0"}).
 *
 * @param value in [0, 100]
 */
public record Percentile(double value) implements Comparable<Percentile> {
  public static final Percentile P50 = new Percentile(50);
  public static final Percentile P90 = new Percentile(90);
  public static final Percentile P99 = new Percentile(99);
  public static final Percentile P99_9 = new Percentile(99.9);
  public static final Percentile MAX = new Percentile(100);

  public Percentile {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException("a percentile is between 0 and 100: " + value);
    }
  }

  /** Parses {@code p99}, {@code P99.9}, {@code 99} or {@code 99.0}. */
  @JsonCreator
  public static Percentile parse(String text) {
    String s = text == null ? "" : text.trim();
    String digits = s.startsWith("p") || s.startsWith("P") ? s.substring(1) : s;
    if (!digits.matches("\\d{1,3}(\\.\\d+)?")) {
      throw new IllegalArgumentException("not a percentile: '" + text + "' (expected e.g. p99 or p99.9)");
    }
    return new Percentile(Double.parseDouble(digits));
  }

  /** {@code p99}, {@code p99.9}: no trailing zeros, never exponent notation. */
  @JsonValue
  public String key() {
    return "p" + BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public int compareTo(Percentile o) {
    return Double.compare(value, o.value);
  }

  /** The key, so that a {@code Map<Percentile, ?>} is written with {@code "p99"} keys. */
  @Override
  public String toString() {
    return key();
  }
}
