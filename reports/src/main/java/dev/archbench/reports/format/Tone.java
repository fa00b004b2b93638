package dev.archbench.reports.format;

import dev.archbench.stats.Estimate;

/** How a ratio to the baseline reads: its interval above 1, below 1, or containing it (or none). */
public enum Tone {
  BETTER("better", "#2b8a3e"),
  WORSE("worse", "#c92a2a"),
  UNCLEAR("can't tell", "#868e96");

  private final String word;
  private final String color;

  Tone(String word, String color) {
    this.word = word;
    this.color = color;
  }

  public String word() {
    return word;
  }

  public String color() {
    return color;
  }

  /**
   * A ratio with a real interval reads as better or worse only when the interval excludes 1; a
   * single measurement (no interval) never does.
   */
  static Tone of(Estimate ratio, boolean untested) {
    if (ratio == null || untested || ratio.lower() == ratio.upper()) {
      return UNCLEAR;
    }
    if (ratio.lower() > 1) {
      return BETTER;
    }
    return ratio.upper() < 1 ? WORSE : UNCLEAR;
  }
}
