package dev.archbench.reports;

import dev.archbench.record.Percentile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A capacity question: {@code WORKLOAD:SELECTOR=RATE@pNN<BOUNDms}, e.g.
 * {@code web:/json=50000rps@p99<20ms}. The selector names a benchmark or a parameter value of it
 * (an endpoint). Rates take an optional {@code k} or {@code M} suffix and a unit ({@code rps},
 * {@code req/s}, {@code /s}, {@code ips}).
 */
public record TargetLoad(String text, String workload, String selector, double ratePerSecond,
    Percentile percentile, double boundMs) {
  private static final Pattern SYNTAX = Pattern.compile(
      "([A-Za-z0-9_.-]+):(.+)=([0-9]+(?:\\.[0-9]+)?)\\s*([kKM]?)\\s*(rps|req/s|/s|ips|inf/s)?"
          + "\\s*@\\s*(p[0-9]+(?:\\.[0-9]+)?)\\s*<\\s*([0-9]+(?:\\.[0-9]+)?)\\s*ms");

  public static TargetLoad parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("--target-load '" + text
          + "' is not WORKLOAD:SELECTOR=RATE@pNN<BOUNDms (e.g. web:/json=50000rps@p99<20ms)");
    }
    double rate = Double.parseDouble(m.group(3)) * switch (m.group(4)) {
      case "k", "K" -> 1e3;
      case "M" -> 1e6;
      default -> 1;
    };
    double bound = Double.parseDouble(m.group(7));
    if (rate <= 0 || bound <= 0) {
      throw new IllegalArgumentException("--target-load '" + text + "': rate and bound must be positive");
    }
    return new TargetLoad(text.trim(), m.group(1), m.group(2).trim(), rate,
        Percentile.parse(m.group(6)), bound);
  }
}
