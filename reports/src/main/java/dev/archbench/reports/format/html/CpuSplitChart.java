package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;
import static dev.archbench.reports.format.html.Svg.f;

import dev.archbench.reports.Analysis.LoadCpu;
import dev.archbench.reports.format.Fmt;
import java.util.List;

/**
 * Where the CPU went in a load test, per host: stacked bars of cores used by the server, the load
 * generator and the rest of the process, which share the machine. A host whose load generator took
 * half the cores served with the other half: the chart shows that beside the throughput.
 */
final class CpuSplitChart {
  private static final int WIDTH = 600;
  private static final String[] COLORS = {"#1f77b4", "#f08c00", "#adb5bd"};
  private static final String[] PARTS = {"server", "load generator", "other"};

  private CpuSplitChart() {}

  static String render(String title, List<LoadCpu> splits) {
    double labelW = 40;
    double valueW = 60;
    double max = 0;
    for (LoadCpu c : splits) {
      labelW = Math.max(labelW, TextFit.width(c.host(), 13, false));
      valueW = Math.max(valueW, TextFit.width(total(c), 12, false));
      max = Math.max(max, c.serverCores() + c.clientCores() + c.otherCores());
    }
    labelW = Math.min(labelW, 200) + 10;
    valueW += 10;
    max = Svg.niceCeil(max <= 0 ? 1 : max * 1.05);
    double plotW = WIDTH - labelW - valueW;
    int rowH = 28;
    int top = 24;
    int height = top + rowH * splits.size() + 28;
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" role=\"img\" aria-label=\"").append(html(title)).append("\"><title>").append(html(title))
        .append("</title>");
    double lx = 0;
    for (int i = 0; i < PARTS.length; i++) {
      sb.append("<rect x=\"").append(f(lx)).append("\" y=\"4\" width=\"10\" height=\"10\" fill=\"").append(COLORS[i])
          .append("\"/><text class=\"tick\" x=\"").append(f(lx + 14)).append("\" y=\"13\">").append(html(PARTS[i]))
          .append("</text>");
      lx += 14 + TextFit.width(PARTS[i], 12, false) + 16;
    }
    for (int i = 0; i < splits.size(); i++) {
      LoadCpu c = splits.get(i);
      double y = top + i * rowH;
      List<String> label = TextFit.wrap(c.host(), 13, false, labelW - 10, 2);
      double ly = y + rowH / 2.0 + 4 - (label.size() - 1) * 7;
      for (String line : label) {
        sb.append("<text x=\"").append(f(labelW - 6)).append("\" y=\"").append(f(ly)).append("\" text-anchor=\"end\">")
            .append(html(line)).append("</text>");
        ly += 14;
      }
      double x = labelW;
      double[] parts = {c.serverCores(), c.clientCores(), c.otherCores()};
      for (int p = 0; p < parts.length; p++) {
        double w = plotW * (Math.max(parts[p], 0) / max);
        sb.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(y + 4)).append("\" width=\"").append(f(w))
            .append("\" height=\"").append(rowH - 8).append("\" fill=\"").append(COLORS[p]).append("\"/>");
        x += w;
      }
      sb.append("<text class=\"bv\" x=\"").append(f(WIDTH - valueW + 6)).append("\" y=\"").append(f(y + rowH / 2.0 + 4))
          .append("\">").append(html(total(c))).append("</text>");
    }
    double axisY = top + rowH * splits.size() + 2;
    sb.append("<path class=\"axis\" d=\"M").append(f(labelW)).append(' ').append(top).append('V').append(f(axisY))
        .append('H').append(f(labelW + plotW)).append("\"/>");
    for (int t = 0; t <= 4; t++) {
      sb.append("<text class=\"tick\" x=\"").append(f(labelW + plotW * t / 4.0)).append("\" y=\"").append(f(axisY + 14))
          .append("\" text-anchor=\"").append(t == 0 ? "start" : "middle").append("\">")
          .append(html(Fmt.num(max * t / 4) + (t == 4 ? " cores" : ""))).append("</text>");
    }
    return sb.append("</svg>").toString();
  }

  private static String total(LoadCpu c) {
    return Fmt.num(c.serverCores() + c.clientCores() + c.otherCores()) + " cores";
  }
}
