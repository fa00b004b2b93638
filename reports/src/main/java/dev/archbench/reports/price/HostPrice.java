package dev.archbench.reports.price;

/**
 * The hourly price of a host, or why it has none.
 *
 * @param usdPerHour {@code null} when unpriced
 * @param source where the price came from ("--price", the catalog's source, spot history)
 * @param note a caveat shown with the price (region fallback), or {@code null}
 * @param problem why there is no price, or {@code null}
 */
public record HostPrice(Double usdPerHour, String source, String note, String problem) {
  public static HostPrice of(double usd, String source, String note) {
    return new HostPrice(usd, source, note, null);
  }

  public static HostPrice none(String problem) {
    return new HostPrice(null, null, null, problem);
  }

  public boolean priced() {
    return usdPerHour != null;
  }
}
