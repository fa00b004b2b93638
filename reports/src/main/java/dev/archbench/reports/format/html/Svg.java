package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.format.Fmt;
import dev.archbench.stats.Estimate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Inline SVG charts: horizontal bars with error bars, and line charts with error bars over
 * categorical x positions (thread counts, percentiles). No scripts, no external references; sized by
 * viewBox so they scale to the page.
 */
final class Svg {
  static final String[] PALETTE = {"#1f77b4", "#e8590c", "#2b8a3e", "#862e9c", "#c92a2a", "#0b7285",
      "#5c940d", "#a61e4d"};
  private static final int WIDTH = 600;

  private Svg() {}

  /** One bar: label, value with interval, fill colour, and an optional suffix mark (⚠). */
  record Bar(String label, Estimate value, String color, String mark) {}

  record Point(String x, Estimate y) {}

  record Series(String name, String color, List<Point> points) {}

  /** Horizontal bars scaled from zero; a reference line at {@code reference} when not null. */
  static String bars(String title, String unit, List<Bar> bars, Double reference) {
    // Label and value columns as wide as their longest text (estimated), labels wrapped past 200 px.
    double labelW = 40;
    double valueW = 60;
    for (Bar b : bars) {
      labelW = Math.max(labelW, TextFit.width(barLabel(b), LABEL_PX, false));
      valueW = Math.max(valueW, TextFit.width(barValue(b), 12, false));
    }
    labelW = Math.min(labelW, 200) + 10;
    valueW = valueW + 10;
    int rowH = 28;
    int top = 24;
    int height = top + rowH * bars.size() + 26;
    double max = 0;
    for (Bar b : bars) {
      max = Math.max(max, b.value().upper());
    }
    if (reference != null) {
      max = Math.max(max, reference);
    }
    max = max <= 0 ? 1 : niceCeil(Math.min(max * 1.05, Double.MAX_VALUE));
    double plotW = WIDTH - labelW - valueW;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\">");
    sb.append("<title>").append(html(title)).append("</title>");
    sb.append("<text class=\"unit\" x=\"0\" y=\"14\">").append(html(TextFit.ellipsize(unit, 12, false, WIDTH)))
        .append("</text>");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double y = top + i * rowH;
      double x0 = labelW;
      // Divide first: a value near the double range times the plot width would overflow.
      double w = plotW * (b.value().value() / max);
      double lo = labelW + plotW * (b.value().lower() / max);
      double hi = labelW + plotW * (b.value().upper() / max);
      double cy = y + rowH / 2.0;
      List<String> label = TextFit.wrap(barLabel(b), LABEL_PX, false, labelW - 10, 2);
      double ly = cy + 4 - (label.size() - 1) * 7;
      for (String line : label) {
        sb.append("<text class=\"bl\" x=\"").append(f(labelW - 6)).append("\" y=\"").append(f(ly))
            .append("\" text-anchor=\"end\">").append(html(line)).append("</text>");
        ly += 14;
      }
      sb.append("<rect x=\"").append(f(x0)).append("\" y=\"").append(f(y + 4)).append("\" width=\"")
          .append(f(Math.max(w, 0.5))).append("\" height=\"").append(rowH - 8).append("\" fill=\"")
          .append(b.color()).append("\" fill-opacity=\"0.75\"/>");
      sb.append("<path class=\"err\" d=\"M").append(f(lo)).append(' ').append(f(cy)).append('H').append(f(hi))
          .append("M").append(f(lo)).append(' ').append(f(cy - 6)).append('V').append(f(cy + 6))
          .append("M").append(f(hi)).append(' ').append(f(cy - 6)).append('V').append(f(cy + 6)).append("\"/>");
      sb.append("<text class=\"bv\" x=\"").append(f(WIDTH - valueW + 6)).append("\" y=\"").append(f(cy + 4))
          .append("\">").append(html(barValue(b))).append("</text>");
    }
    double axisY = top + rowH * bars.size() + 2;
    sb.append("<path class=\"axis\" d=\"M").append(f(labelW)).append(' ').append(top).append('V').append(f(axisY))
        .append('H').append(f(labelW + plotW)).append("\"/>");
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double x = labelW + plotW * t / 4.0;
      sb.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(f(axisY + 14))
          .append("\" text-anchor=\"").append(t == 0 ? "start" : "middle").append("\">").append(html(Fmt.num(v)))
          .append("</text>");
    }
    if (reference != null) {
      double x = labelW + plotW * (reference / max);
      sb.append("<path class=\"ref\" d=\"M").append(f(x)).append(' ').append(top - 4).append('V')
          .append(f(axisY)).append("\"/>");
    }
    return sb.append("</svg>").toString();
  }

  private static final double LABEL_PX = 13;

  private static String barLabel(Bar b) {
    return b.mark() == null ? b.label() : b.label() + " " + b.mark();
  }

  private static String barValue(Bar b) {
    return Fmt.est(b.value());
  }

  /** Lines over categorical x values with error bars, y from zero. */
  static String lines(String title, String xLabel, String yUnit, List<String> xs, List<Series> series) {
    int left = 56;
    int right = 32;
    int top = 28;
    int plotH = 220;
    int legendRowH = 18;
    int legendRows = (series.size() + 2) / 3;
    int height = top + plotH + 44 + legendRows * legendRowH;
    double max = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        max = Math.max(max, p.y().upper());
      }
    }
    max = max <= 0 ? 1 : niceCeil(Math.min(max * 1.05, Double.MAX_VALUE));
    int plotW = WIDTH - left - right;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\">");
    sb.append("<title>").append(html(title)).append("</title>");
    sb.append("<text class=\"unit\" x=\"0\" y=\"14\">").append(html(TextFit.ellipsize(yUnit, 12, false, WIDTH)))
        .append("</text>");
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = top + plotH - plotH * t / 4.0;
      sb.append("<path class=\"grid\" d=\"M").append(left).append(' ').append(f(y)).append('H')
          .append(left + plotW).append("\"/>");
      sb.append("<text class=\"tick\" x=\"").append(left - 6).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"end\">").append(html(Fmt.num(v))).append("</text>");
    }
    int n = xs.size();
    double step = n == 1 ? 0 : plotW / (double) (n - 1);
    double pad = n == 1 ? plotW / 2.0 : 0;
    for (int i = 0; i < n; i++) {
      double x = left + pad + i * step;
      sb.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(top + plotH + 16)
          .append("\" text-anchor=\"middle\">").append(html(xs.get(i))).append("</text>");
    }
    sb.append("<text class=\"tick\" x=\"").append(left + plotW / 2).append("\" y=\"").append(top + plotH + 32)
        .append("\" text-anchor=\"middle\">").append(html(xLabel)).append("</text>");
    sb.append("<path class=\"axis\" d=\"M").append(left).append(' ').append(top).append('V')
        .append(top + plotH).append('H').append(left + plotW).append("\"/>");
    for (Series s : series) {
      StringBuilder line = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (Point p : s.points()) {
        int i = xs.indexOf(p.x());
        double x = left + pad + i * step;
        double y = top + plotH - plotH * (p.y().value() / max);
        double ylo = top + plotH - plotH * (p.y().lower() / max);
        double yhi = top + plotH - plotH * (p.y().upper() / max);
        line.append(line.length() == 0 ? "M" : "L").append(f(x)).append(' ').append(f(y));
        marks.append("<circle cx=\"").append(f(x)).append("\" cy=\"").append(f(y)).append("\" r=\"3.5\" fill=\"")
            .append(s.color()).append("\"/>");
        marks.append("<path class=\"err\" stroke=\"").append(s.color()).append("\" d=\"M").append(f(x)).append(' ')
            .append(f(ylo)).append('V').append(f(yhi)).append("M").append(f(x - 4)).append(' ').append(f(ylo))
            .append('H').append(f(x + 4)).append("M").append(f(x - 4)).append(' ').append(f(yhi)).append('H')
            .append(f(x + 4)).append("\"/>");
      }
      sb.append("<path class=\"line\" stroke=\"").append(s.color()).append("\" d=\"").append(line).append("\"/>");
      sb.append(marks);
    }
    int ly = top + plotH + 44;
    for (int i = 0; i < series.size(); i++) {
      Series s = series.get(i);
      double x = left + (i % 3) * (plotW / 3.0);
      double y = ly + (i / 3) * legendRowH;
      sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y)).append("\" width=\"12\" height=\"4\" fill=\"")
          .append(s.color()).append("\"/>");
      sb.append("<text class=\"tick\" x=\"").append(f(x + 16)).append("\" y=\"").append(f(y + 6)).append("\">")
          .append(html(TextFit.ellipsize(s.name(), 12, false, plotW / 3.0 - 22))).append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  /** The next "nice" number (1, 2, 2.5, 5 × 10^k) at or above {@code v}. */
  static double niceCeil(double v) {
    if (!Double.isFinite(v)) {
      return Double.MAX_VALUE;
    }
    double exp = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * exp >= v) {
        // Near the top of the double range the next nice number does not exist: the value itself.
        return Double.isFinite(m * exp) ? m * exp : v;
      }
    }
    return v;
  }

  /** Coordinates with one decimal, locale-free. */
  static String f(double v) {
    return new BigDecimal(v).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  static List<String> colors(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PALETTE[i % PALETTE.length]);
    }
    return out;
  }
}
