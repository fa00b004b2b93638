package dev.archbench.reports.format;

import dev.archbench.stats.Estimate;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Number formatting and escaping for every format. Locale-independent by construction (BigDecimal,
 * no {@code String.format}), so outputs are identical whatever the default locale.
 */
public final class Fmt {
  private static final MathContext THREE = new MathContext(3);
  private static final String[] SI = {"", " k", " M", " G", " T", " P", " E"};

  private Fmt() {}

  /** Three significant digits, with k/M/G... from ten thousand up: {@code 12.3 k}, {@code 0.0456}. */
  public static String num(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0) {
      return "0";
    }
    int i = 0;
    double x = v;
    if (Math.abs(x) >= 1e4) {
      while (Math.abs(x) >= 1000 && i < SI.length - 1) {
        x /= 1000;
        i++;
      }
    }
    return new BigDecimal(x).round(THREE).stripTrailingZeros().toPlainString() + SI[i];
  }

  /** A number as plain decimal text with all its (already rounded) digits, for CSV. */
  public static String plain(Double v) {
    if (v == null || !Double.isFinite(v)) {
      return "";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** {@code 12.3 k (12.1 k–12.5 k)}. */
  public static String est(Estimate e) {
    if (e == null) {
      return "–";
    }
    if (e.lower() == e.upper()) {
      // A zero-width interval is a single measurement: no interval to show (the notes say so).
      return num(e.value());
    }
    return num(e.value()) + " (" + num(e.lower()) + "–" + num(e.upper()) + ")";
  }

  /**
   * A fraction as a percentage, three significant digits: {@code 1.9%}, {@code 0.45%}, {@code 12.5%},
   * and {@code >999%} above that. The one format of a share or a precision (a half-width relative
   * to its score); a change between two values is {@link #change}.
   */
  public static String percent(double fraction) {
    double p = fraction * 100;
    return p > 999 ? ">999%" : num(p) + "%";
  }

  /** A share rounded to a whole percentage, where tenths would be noise: {@code 34%} (a CPU's busy share). */
  public static String wholePercent(double fraction) {
    return num(Math.round(fraction * 100)) + "%";
  }

  /** A ratio as a signed percentage change: {@code +12.3%}. */
  public static String change(double ratio) {
    double p = (ratio - 1) * 100;
    BigDecimal bd = new BigDecimal(p).setScale(Math.abs(p) < 10 ? 1 : 0, java.math.RoundingMode.HALF_EVEN);
    if (bd.signum() == 0) {
      return "±0%";
    }
    return (bd.signum() > 0 ? "+" : "") + bd.stripTrailingZeros().toPlainString() + "%";
  }

  /** A ratio with its interval as percentage changes: {@code +12% (+8% to +15%)}. */
  public static String changeEst(Estimate e) {
    if (e == null) {
      return "–";
    }
    return change(e.value()) + " (" + change(e.lower()) + " to " + change(e.upper()) + ")";
  }

  /** A ratio: {@code 1.23× (1.10–1.31)}. */
  public static String times(Estimate e) {
    if (e == null) {
      return "–";
    }
    return num(e.value()) + "× (" + num(e.lower()) + "–" + num(e.upper()) + ")";
  }

  /** USD with up to 4 significant digits: {@code $0.1785}, {@code $1,234}. */
  public static String usd(double v) {
    BigDecimal bd = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    if (bd.scale() < 0) {
      bd = bd.setScale(0);
    }
    String s = bd.toPlainString();
    int dot = s.indexOf('.');
    String intPart = dot < 0 ? s : s.substring(0, dot);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < intPart.length(); i++) {
      if (i > 0 && (intPart.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(intPart.charAt(i));
    }
    return "$" + grouped + (dot < 0 ? "" : s.substring(dot));
  }

  public static String bytes(Long b) {
    if (b == null) {
      return "–";
    }
    double gib = b / (1024.0 * 1024 * 1024);
    return num(gib) + " GiB";
  }

  /** Escapes text for HTML element content and attribute values. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * Escapes text for a Markdown table cell or line on GitHub: markup characters are backslash-escaped,
   * {@code < > &} become entities (GitHub renders inline HTML), line breaks become spaces.
   */
  public static String md(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!', '(', ')' -> sb.append('\\').append(c);
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '\n', '\r', '\t' -> sb.append(' ');
        default -> {
          if (c < 0x20) {
            sb.append(' ');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
