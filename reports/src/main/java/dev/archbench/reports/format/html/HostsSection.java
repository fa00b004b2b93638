package dev.archbench.reports.format.html;

import static dev.archbench.reports.format.Fmt.html;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.Views;

/** The HTML section describing every host: hardware, software, price and the records behind it. */
final class HostsSection {
  private HostsSection() {}

  static void render(StringBuilder sb, Analysis a) {
    sb.append("<section id=\"hosts\"><h2>Hosts</h2><div class=\"scroll\"><table><thead><tr><th>Host</th>"
        + "<th>Instance type, arch</th><th>CPU</th><th>vCPUs / cores</th><th>Memory</th>"
        + "<th>Accelerators</th><th>JVM, OS</th><th>$/hour, source</th><th>Records, profile</th>"
        + "<th>Labels, notes</th></tr></thead><tbody>");
    for (HostSummary h : a.hosts()) {
      sb.append("<tr><td>").append(HtmlFormat.hostCell(h)).append("</td><td>").append(html(HtmlFormat.dash(h.instanceType())))
          .append("<br><span class=\"ci\">").append(html(HtmlFormat.dash(h.arch()))).append("</span></td><td>")
          .append(html(HtmlFormat.dash(h.cpuModel()))).append(h.microarchitecture() == null ? ""
              : " <span class=\"ci\">" + html(h.microarchitecture()) + "</span>")
          .append("</td><td class=\"n\">").append(h.vcpus() == null ? "–" : h.vcpus()).append(" / ")
          .append(h.physicalCores() == null ? "–" : h.physicalCores())
          .append("</td><td class=\"n\">").append(html(Fmt.bytes(h.memoryBytes()))).append("</td><td>")
          .append(html(HtmlFormat.dash(h.accelerators()))).append("</td><td>").append(html(HtmlFormat.dash(h.jvm())))
          .append("<br><span class=\"ci\">").append(html(HtmlFormat.dash(h.os()))).append("</span></td><td>")
          .append(h.usdPerHour() == null ? "–" : html(Fmt.usd(h.usdPerHour()))).append("<br><span class=\"ci\">")
          .append(html(HtmlFormat.dash(h.priceSource()))).append("</span></td><td>").append(h.runIds().size())
          .append("<br><span class=\"ci\">").append(html(String.join(", ", h.profiles()))).append("</span></td><td>")
          .append(html(HtmlFormat.dash(h.label()))).append("<br><span class=\"ci\">").append(html(Views.flags(h)))
          .append("</span></td></tr>");
    }
    sb.append("</tbody></table></div></section>\n");
  }
}
