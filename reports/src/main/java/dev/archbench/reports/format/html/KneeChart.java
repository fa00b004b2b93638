package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;
import static dev.archbench.reports.format.html.Svg.f;

import dev.archbench.record.Knee;
import dev.archbench.record.Percentile;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.List;

/**
 * Latency against load: per host every fork's search as a thin line through its steps (offered rate
 * against the percentile measured there), the knee (with its interval) at the latency measured
 * there (merged histograms), and the bound as a horizontal line. The marker says how the search
 * ended (a filled dot: a higher rate broke the bound; an arrow right: every rate met it, the knee is
 * higher; an arrow left: none did, the knee is lower). A saturated step's latency can be a hundred
 * times the bound, so the plot stops at {@value #CEILING_BOUNDS} times the bound and steps above it
 * are drawn on its top edge.
 */
final class KneeChart {
  private static final int WIDTH = 600;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 30;
  private static final int PLOT_H = 200;
  private static final int CEILING_BOUNDS = 3;

  private KneeChart() {}

  /**
   * One host's knee: rate with interval, latency at the knee (null if not measured), how found, and
   * each fork's search step by step (empty when the records did not keep it).
   */
  record Point(String host, String color, Estimate rate, Double latencyMs, Knee.Found found,
      List<List<Knee.Step>> searches) {}

  static String render(String title, String rateUnit, Percentile percentile, double boundMs, List<Point> points) {
    double maxX = 0;
    double maxY = boundMs;
    double ceiling = boundMs * CEILING_BOUNDS;
    for (Point p : points) {
      maxX = Math.max(maxX, p.rate().upper());
      if (p.latencyMs() != null) {
        maxY = Math.max(maxY, p.latencyMs());
      }
      for (List<Knee.Step> search : p.searches()) {
        for (Knee.Step step : search) {
          maxX = Math.max(maxX, step.offered());
          maxY = Math.max(maxY, Math.min(ceiling, latency(step, percentile)));
        }
      }
    }
    maxX = Svg.niceCeil(maxX <= 0 ? 1 : maxX * 1.08);
    maxY = Svg.niceCeil(maxY * 1.15);
    int plotW = WIDTH - LEFT - RIGHT;
    double legendRows = points.size();
    int height = (int) (TOP + PLOT_H + 40 + legendRows * 18 + 4);
    double fx = plotW / maxX;
    double fy = PLOT_H / maxY;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\"><title>").append(html(title))
        .append("</title>");
    sb.append("<text class=\"unit\" x=\"0\" y=\"14\">").append(html(percentile.key() + " latency, ms")).append("</text>");
    for (int t = 0; t <= 4; t++) {
      double v = maxY * t / 4;
      double y = TOP + PLOT_H - PLOT_H * t / 4.0;
      sb.append("<path class=\"grid\" d=\"M").append(LEFT).append(' ').append(f(y)).append('H').append(LEFT + plotW)
          .append("\"/><text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
          .append("\" text-anchor=\"end\">").append(html(Fmt.num(v))).append("</text>");
      double x = LEFT + plotW * t / 4.0;
      sb.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(TOP + PLOT_H + 16)
          .append("\" text-anchor=\"").append(t == 4 ? "end" : t == 0 ? "start" : "middle").append("\">")
          .append(html(Fmt.num(maxX * t / 4))).append("</text>");
    }
    sb.append("<text class=\"tick\" x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(TOP + PLOT_H + 32)
        .append("\" text-anchor=\"middle\">").append(html("offered load, " + rateUnit)).append("</text>");
    sb.append("<path class=\"axis\" d=\"M").append(LEFT).append(' ').append(TOP).append('V').append(TOP + PLOT_H)
        .append('H').append(LEFT + plotW).append("\"/>");
    double by = TOP + PLOT_H - boundMs * fy;
    sb.append("<path class=\"ref\" d=\"M").append(LEFT).append(' ').append(f(by)).append('H').append(LEFT + plotW)
        .append("\"/><text class=\"tick\" x=\"").append(LEFT + plotW).append("\" y=\"").append(f(by - 5))
        .append("\" text-anchor=\"end\">").append(html(percentile.key() + " target " + Fmt.num(boundMs) + " ms"))
        .append("</text>");
    for (Point p : points) {
      for (List<Knee.Step> search : p.searches()) {
        StringBuilder d = new StringBuilder();
        // Drawn by offered rate, not in the order tried: a refining step lies between two earlier ones.
        List<Knee.Step> byRate = search.stream().sorted(java.util.Comparator.comparingDouble(Knee.Step::offered)).toList();
        for (Knee.Step step : byRate) {
          double y = TOP + PLOT_H - Math.min(latency(step, percentile), maxY) * fy;
          d.append(d.length() == 0 ? "M" : "L").append(f(LEFT + step.offered() * fx)).append(' ').append(f(y));
        }
        sb.append("<path class=\"search\" stroke=\"").append(p.color()).append("\" d=\"").append(d).append("\"/>");
        for (Knee.Step step : byRate) {
          if (!step.valid()) {
            // Not used for the knee: a cross, its reason in the tooltip.
            double x = LEFT + step.offered() * fx;
            double y = TOP + PLOT_H - Math.min(latency(step, percentile), maxY) * fy;
            sb.append("<path class=\"invalid\" fill=\"none\" stroke-width=\"1.6\" stroke=\"").append(p.color())
                .append("\" d=\"M").append(f(x - 4)).append(' ')
                .append(f(y - 4)).append('L').append(f(x + 4)).append(' ').append(f(y + 4)).append('M').append(f(x - 4))
                .append(' ').append(f(y + 4)).append('L').append(f(x + 4)).append(' ').append(f(y - 4)).append("\"><title>")
                .append(html(Fmt.num(step.offered()) + " " + rateUnit + ": " + step.invalid().id() + Views.generator(step)
                    + ", not used for the knee")).append("</title></path>");
          }
        }
      }
    }
    int i = 0;
    for (Point p : points) {
      // Without a measured latency the marker sits on the bound line: the knee met it, by definition.
      double lat = p.latencyMs() == null ? boundMs : p.latencyMs();
      double y = TOP + PLOT_H - lat * fy;
      double x = LEFT + p.rate().value() * fx;
      double lo = LEFT + p.rate().lower() * fx;
      double hi = LEFT + p.rate().upper() * fx;
      sb.append("<path class=\"err\" stroke=\"").append(p.color()).append("\" d=\"M").append(f(lo)).append(' ')
          .append(f(y)).append('H').append(f(hi)).append("M").append(f(lo)).append(' ').append(f(y - 5)).append('V')
          .append(f(y + 5)).append("M").append(f(hi)).append(' ').append(f(y - 5)).append('V').append(f(y + 5))
          .append("\"/>");
      sb.append(marker(p.found(), x, y, p.color()));
      double ly = TOP + PLOT_H + 44 + i * 18;
      sb.append(marker(p.found(), LEFT + 6, ly - 4, p.color()));
      String text = p.host() + ": " + Views.kneePrefix(p.found()) + Fmt.est(p.rate()) + " " + rateUnit
          + (p.latencyMs() == null ? "" : ", " + percentile.key() + " " + Fmt.num(p.latencyMs()) + " ms there");
      sb.append("<text class=\"tick\" x=\"").append(LEFT + 18).append("\" y=\"").append(f(ly))
          .append("\">").append(html(TextFit.ellipsize(text, 12, false, plotW - 18))).append("</text>");
      i++;
    }
    return sb.append("</svg>").toString();
  }

  /** The step's latency at the chart's percentile: p99 or p50, the two a step keeps. */
  private static double latency(Knee.Step step, Percentile percentile) {
    return Percentile.P50.equals(percentile) ? step.p50Ms() : step.p99Ms();
  }

  private static String marker(Knee.Found found, double x, double y, String color) {
    return switch (found) {
      case LOWER_BOUND -> "<path fill=\"" + color + "\" d=\"M" + f(x - 5) + ' ' + f(y - 6) + "L" + f(x + 7) + ' '
          + f(y) + "L" + f(x - 5) + ' ' + f(y + 6) + "Z\"/>";
      case UPPER_BOUND -> "<path fill=\"" + color + "\" d=\"M" + f(x + 5) + ' ' + f(y - 6) + "L" + f(x - 7) + ' '
          + f(y) + "L" + f(x + 5) + ' ' + f(y + 6) + "Z\"/>";
      default -> "<circle cx=\"" + f(x) + "\" cy=\"" + f(y) + "\" r=\"5\" fill=\"" + color + "\"/>";
    };
  }
}
