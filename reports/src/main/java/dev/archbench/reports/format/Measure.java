package dev.archbench.reports.format;

/** What a comparison ranks hosts by: work per dollar when prices allow, else performance. */
public enum Measure {
  WORK_PER_DOLLAR("work per $", "most work per $"),
  PERFORMANCE("performance", "fastest");

  private final String noun;
  private final String best;

  Measure(String noun, String best) {
    this.noun = noun;
    this.best = best;
  }

  public String noun() {
    return noun;
  }

  String best() {
    return best;
  }
}
