package dev.archbench.reports.format.html;

import java.util.ArrayList;
import java.util.List;

/**
 * How wide SVG text will render, estimated from per-character advances of common sans-serif fonts
 * (DejaVu Sans, the widest of the usual defaults, plus a margin), so that charts lay labels out to
 * fit (wider label columns, wrapped lines) instead of clipping them. SVG text does not wrap by
 * itself, and the report has no script to measure it.
 */
final class TextFit {
  private static final double MARGIN = 1.06;

  private TextFit() {}

  /** Estimated width in px of {@code s} at {@code fontPx}; bold text is about 8% wider. */
  static double width(String s, double fontPx, boolean bold) {
    double em = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      em += advance(c);
    }
    return em * fontPx * MARGIN * (bold ? 1.08 : 1);
  }

  private static double advance(int c) {
    if (c == 'M' || c == 'W' || c == 'm' || c == 'w' || c == '%' || c == '@') {
      return 1.0;
    }
    if (c == ' ' || "iljtfr.,:;'|!I()[]{}".indexOf(c) >= 0) {
      return 0.42;
    }
    if (c >= 'A' && c <= 'Z') {
      return 0.8;
    }
    if (c < 0x80) {
      return 0.64;
    }
    // Anything else (accents, symbols, CJK, emoji): assume a full em.
    return 1.0;
  }

  /**
   * {@code s} broken into at most {@code maxLines} lines no wider than {@code maxWidth}: at spaces,
   * then after {@code , / = [} and, for one long word such as a host id, anywhere. Text that still
   * does not fit ends its last line with an ellipsis (the chart's table has it in full).
   */
  static List<String> wrap(String s, double fontPx, boolean bold, double maxWidth, int maxLines) {
    List<String> lines = new ArrayList<>();
    String rest = s == null ? "" : s.strip();
    while (!rest.isEmpty()) {
      if (lines.size() == maxLines - 1) {
        lines.add(ellipsize(rest, fontPx, bold, maxWidth));
        break;
      }
      int cut = fitting(rest, fontPx, bold, maxWidth);
      if (cut >= rest.length()) {
        lines.add(rest);
        break;
      }
      int brk = breakBefore(rest, cut);
      lines.add(rest.substring(0, brk).stripTrailing());
      rest = rest.substring(brk).stripLeading();
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  /** How many chars of {@code s} fit in {@code maxWidth} (at least one). */
  private static int fitting(String s, double fontPx, boolean bold, double maxWidth) {
    int n = 0;
    while (n < s.length()) {
      int next = n + Character.charCount(s.codePointAt(n));
      if (width(s.substring(0, next), fontPx, bold) > maxWidth) {
        break;
      }
      n = next;
    }
    return Math.max(n, Character.charCount(s.codePointAt(0)));
  }

  /** The last good break at or before {@code cut}; {@code cut} itself for a single long word. */
  private static int breakBefore(String s, int cut) {
    for (int i = cut; i > 0; i--) {
      char c = s.charAt(i - 1);
      if (c == ' ' && i - 1 > 0) {
        return i - 1 + 1;
      }
      if ((c == ',' || c == '/' || c == '=' || c == '[' || c == ';') && i < cut + 1 && i > 1) {
        return i;
      }
    }
    return cut;
  }

  static String ellipsize(String s, double fontPx, boolean bold, double maxWidth) {
    if (width(s, fontPx, bold) <= maxWidth) {
      return s;
    }
    int n = fitting(s, fontPx, bold, maxWidth - width("…", fontPx, bold));
    return s.substring(0, n).stripTrailing() + "…";
  }
}
