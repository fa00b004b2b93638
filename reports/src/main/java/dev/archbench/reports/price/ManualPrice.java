package dev.archbench.reports.price;

/**
 * A price given on the command line ({@code --price LABEL=USD_PER_HOUR}) for hosts that are not EC2
 * (CI runners, laptops) or to override the catalog. {@code LABEL} matches a record's run label, host
 * id or instance type.
 */
public record ManualPrice(String label, double usdPerHour) {
  public static ManualPrice parse(String spec) {
    int eq = spec.lastIndexOf('=');
    if (eq <= 0 || eq == spec.length() - 1) {
      throw new IllegalArgumentException("--price expects LABEL=USD_PER_HOUR, got '" + spec + "'");
    }
    double usd;
    try {
      usd = Double.parseDouble(spec.substring(eq + 1).trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--price " + spec + ": '" + spec.substring(eq + 1) + "' is not a number");
    }
    if (!Double.isFinite(usd) || usd <= 0) {
      throw new IllegalArgumentException("--price " + spec + ": the price must be a positive number of USD per hour");
    }
    return new ManualPrice(spec.substring(0, eq).trim(), usd);
  }
}
