package dev.archbench.reports.price;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.archbench.record.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Spot prices from the JSON that {@code aws ec2 describe-spot-price-history} prints
 * ({@code {"SpotPriceHistory": [{"AvailabilityZone", "InstanceType", "ProductDescription",
 * "SpotPrice", "Timestamp"}]}}). Only Linux/UNIX rows count; per instance type and availability zone
 * the latest price wins. A host is priced at its own zone's price when the file has it, else at the
 * median over the region's zones.
 */
public final class SpotPrices {
  /** type → zone → latest price. */
  private final Map<String, Map<String, Price>> latest;
  private final String source;
  private final String newest;

  private record Price(String timestamp, double usd) {}

  private SpotPrices(Map<String, Map<String, Price>> latest, String source, String newest) {
    this.latest = latest;
    this.source = source;
    this.newest = newest;
  }

  /** Parses the CLI's JSON; one-line {@link IllegalArgumentException} naming {@code name} when it is not. */
  public static SpotPrices parse(String name, String text) {
    JsonNode root;
    try {
      root = Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not valid JSON (" + e.getOriginalMessage().replaceAll("\\s+", " ") + ")");
    }
    if (root == null || !root.path("SpotPriceHistory").isArray()) {
      throw new IllegalArgumentException(name + ": not spot price history (expected the JSON of "
          + "'aws ec2 describe-spot-price-history' with a SpotPriceHistory array)");
    }
    Map<String, Map<String, Price>> latest = new TreeMap<>();
    String newest = null;
    int i = 0;
    for (JsonNode row : root.get("SpotPriceHistory")) {
      i++;
      String type = row.path("InstanceType").asText(null);
      String zone = row.path("AvailabilityZone").asText(null);
      String product = row.path("ProductDescription").asText("");
      String ts = row.path("Timestamp").asText("");
      if (type == null || zone == null || !product.startsWith("Linux/UNIX")) {
        continue;
      }
      double usd;
      try {
        usd = Double.parseDouble(row.path("SpotPrice").asText(""));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": entry " + i + ": SpotPrice is not a number");
      }
      if (!Double.isFinite(usd) || usd <= 0) {
        throw new IllegalArgumentException(name + ": entry " + i + ": SpotPrice must be positive");
      }
      Price p = new Price(ts, usd);
      latest.computeIfAbsent(type, k -> new TreeMap<>())
          .merge(zone, p, (a, b) -> a.timestamp().compareTo(b.timestamp()) >= 0 ? a : b);
      if (newest == null || ts.compareTo(newest) > 0) {
        newest = ts;
      }
    }
    return new SpotPrices(latest, "spot price history " + fileName(name), newest == null ? "unknown" : newest);
  }

  /** Where the prices come from, for the report. */
  public String source() {
    return source;
  }

  /** The newest timestamp in the file. */
  public String date() {
    return newest;
  }

  /**
   * The spot price of a type in its zone, or the median over zones of its region; empty when the
   * file has none.
   */
  public Optional<Double> price(String instanceType, String region, String zone) {
    Map<String, Price> zones = latest.get(instanceType);
    if (zones == null) {
      return Optional.empty();
    }
    if (zone != null && zones.containsKey(zone)) {
      return Optional.of(zones.get(zone).usd());
    }
    List<Double> inRegion = new ArrayList<>();
    zones.forEach((z, p) -> {
      if (region == null || regionOf(z).equals(region)) {
        inRegion.add(p.usd());
      }
    });
    if (inRegion.isEmpty()) {
      return Optional.empty();
    }
    inRegion.sort(null);
    int n = inRegion.size();
    return Optional.of(n % 2 == 1 ? inRegion.get(n / 2) : (inRegion.get(n / 2 - 1) + inRegion.get(n / 2)) / 2);
  }

  /** {@code us-east-1a} → {@code us-east-1}. */
  static String regionOf(String zone) {
    int i = zone.length();
    while (i > 0 && Character.isLetter(zone.charAt(i - 1))) {
      i--;
    }
    return zone.substring(0, i);
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }
}
