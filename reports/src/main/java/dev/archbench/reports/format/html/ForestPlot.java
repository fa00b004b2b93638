package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;
import static dev.archbench.reports.format.html.Svg.f;

import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Tone;
import dev.archbench.reports.format.Views;
import dev.archbench.stats.Estimate;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest plot: one block per benchmark, one line per compared host, the ratio to the baseline with
 * its 95% interval on a log scale (so ×2 and ×0.5 are equally far from 1), a vertical line at 1, and
 * the colour of its {@link Tone}. One picture answers "where does it win, lose, and where can't we
 * tell" for a whole workload.
 */
final class ForestPlot {
  static final int WIDTH = 600;
  private static final double LABEL_PX = 13;
  private static final double SMALL_PX = 12;
  private static final int ROW_H = 20;
  private static final double[] TICKS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25,
      1.5, 2, 3, 4, 5, 10, 20, 50, 100};

  private ForestPlot() {}

  /** One compared host's ratio on one benchmark. */
  record Interval(String host, Estimate ratio, Tone tone) {}

  /** One benchmark: its label and a line per compared host. */
  record Block(String label, List<Interval> intervals) {}

  static String render(String title, List<Block> blocks) {
    double hostW = 40;
    double valueW = 60;
    double lo = 1;
    double hi = 1;
    for (Block b : blocks) {
      for (Interval i : b.intervals()) {
        hostW = Math.max(hostW, TextFit.width(i.host(), SMALL_PX, false));
        valueW = Math.max(valueW, TextFit.width(Views.ratioText(i.ratio()), SMALL_PX, false));
        if (Views.usable(i.ratio())) {
          lo = Math.min(lo, i.ratio().lower());
          hi = Math.max(hi, i.ratio().upper());
        }
      }
    }
    hostW = Math.min(hostW, 170) + 8;
    valueW = valueW + 8;
    double plotL = hostW;
    double plotR = WIDTH - valueW;
    double logLo = Math.log(lo);
    double logHi = Math.log(hi);
    double pad = Math.max((logHi - logLo) * 0.08, 0.05);
    double dLo = logLo - pad;
    double dHi = logHi + pad;
    Scale x = v -> plotL + (plotR - plotL) * (Math.log(v) - dLo) / (dHi - dLo);

    StringBuilder body = new StringBuilder();
    double y = 34;
    for (Block b : blocks) {
      List<String> label = TextFit.wrap(b.label(), LABEL_PX, true, WIDTH, 3);
      for (String line : label) {
        y += 16;
        body.append("<text class=\"fl\" x=\"0\" y=\"").append(f(y)).append("\">").append(html(line)).append("</text>");
      }
      y += 4;
      for (Interval i : b.intervals()) {
        List<String> host = TextFit.wrap(i.host(), SMALL_PX, false, hostW - 8, 2);
        double rowTop = y;
        double cy = rowTop + ROW_H / 2.0;
        for (int k = 0; k < host.size(); k++) {
          body.append("<text class=\"tick\" x=\"0\" y=\"").append(f(cy + 4 + k * 14)).append("\">")
              .append(html(host.get(k))).append("</text>");
        }
        if (Views.usable(i.ratio())) {
          String c = i.tone().color();
          double a = x.at(i.ratio().lower());
          double z = x.at(i.ratio().upper());
          double p = x.at(i.ratio().value());
          body.append("<path stroke=\"").append(c).append("\" stroke-width=\"2.5\" d=\"M").append(f(a)).append(' ')
              .append(f(cy)).append('H').append(f(Math.max(z, a + 0.5))).append("\"/>");
          body.append("<rect x=\"").append(f(p - 4.5)).append("\" y=\"").append(f(cy - 4.5))
              .append("\" width=\"9\" height=\"9\" fill=\"").append(c).append("\"/>");
        }
        body.append("<text class=\"tick\" x=\"").append(f(plotR + 8)).append("\" y=\"").append(f(cy + 4))
            .append("\">").append(html(Views.ratioText(i.ratio()))).append("</text>");
        y += Math.max(ROW_H, 14 * host.size() + 6);
      }
      y += 4;
    }
    double axisY = y + 4;
    int height = (int) Math.ceil(axisY + 22);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\"><title>").append(html(title))
        .append("</title>");
    // The legend: what the colours mean, in words.
    double lx = 0;
    for (Tone t : Tone.values()) {
      sb.append("<rect x=\"").append(f(lx)).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"")
          .append(t.color()).append("\"/><text class=\"tick\" x=\"").append(f(lx + 14)).append("\" y=\"15\">")
          .append(html(t.word())).append("</text>");
      lx += 14 + TextFit.width(t.word(), SMALL_PX, false) + 16;
    }
    String side = "right of 1: better than the baseline";
    sb.append("<text class=\"tick\" x=\"").append(WIDTH).append("\" y=\"15\" text-anchor=\"end\">")
        .append(html(side)).append("</text>");
    for (double t : ticks(dLo, dHi, x)) {
      double tx = x.at(t);
      sb.append("<path class=\"grid\" d=\"M").append(f(tx)).append(" 28V").append(f(axisY)).append("\"/>");
      sb.append("<text class=\"tick\" x=\"").append(f(tx)).append("\" y=\"").append(f(axisY + 15))
          .append("\" text-anchor=\"middle\">").append(html(Fmt.num(t) + "×")).append("</text>");
    }
    sb.append("<path class=\"ref\" d=\"M").append(f(x.at(1))).append(" 28V").append(f(axisY)).append("\"/>");
    sb.append(body);
    sb.append("<path class=\"axis\" d=\"M").append(f(plotL)).append(' ').append(f(axisY)).append('H')
        .append(f(plotR)).append("\"/>");
    return sb.append("</svg>").toString();
  }

  private interface Scale {
    double at(double v);
  }

  /** Tick values inside the domain, at least 44 px apart, always including 1. */
  private static List<Double> ticks(double dLo, double dHi, Scale x) {
    List<Double> out = new ArrayList<>();
    out.add(1.0);
    for (double t : TICKS) {
      double lt = Math.log(t);
      if (t == 1 || lt < dLo || lt > dHi) {
        continue;
      }
      boolean clear = out.stream().allMatch(o -> Math.abs(x.at(o) - x.at(t)) >= 44);
      if (clear) {
        out.add(t);
      }
    }
    out.sort(Double::compare);
    return out;
  }
}
