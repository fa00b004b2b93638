package dev.archbench.reports.price;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How an instance is paid for. All hosts of one report are priced with the same model. */
public enum PricingModel {
  ON_DEMAND("on-demand"),
  SPOT("spot"),
  RESERVED_1Y("reserved-1y");

  private final String id;

  PricingModel(String id) {
    this.id = id;
  }

  /** The name used on the command line and in catalog files. */
  public String id() {
    return id;
  }

  public static PricingModel parse(String s) {
    for (PricingModel m : values()) {
      if (m.id.equalsIgnoreCase(s.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown pricing model '" + s + "' (expected one of "
        + Arrays.stream(values()).map(PricingModel::id).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return id;
  }
}
