package dev.archbench.workloads.web.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The "business logic" of {@code POST /api/orders}: validate an order, price every line (volume
 * discount, tax by category) and answer the lines sorted by total, most expensive first. Small, but
 * the kind of branchy, allocation-heavy code a Java service runs between parse and serialize.
 */
public final class OrderPricing {
  public static final int MAX_LINES = 500;
  public static final int MAX_QUANTITY = 10_000;
  public static final long MAX_UNIT_PRICE_CENTS = 100_000_000L;
  private static final Pattern SKU = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  /** Tax in basis points (1/100 of a percent) per category. */
  private static final Map<String, Integer> TAX_BP =
      Map.of("books", 700, "food", 700, "electronics", 1900, "clothing", 1900, "toys", 1900);

  private OrderPricing() {}

  public static List<PricedLine> price(OrderRequest order) throws InvalidOrderException {
    validate(order);
    List<PricedLine> priced = new ArrayList<>(order.lines().size());
    for (OrderLine l : order.lines()) {
      long subtotal = l.quantity() * l.unitPriceCents();
      long discount = subtotal * discountBasisPoints(l.quantity()) / 10_000;
      long tax = roundedBasisPoints(subtotal - discount, TAX_BP.get(l.category()));
      priced.add(new PricedLine(l.sku(), l.quantity(), subtotal, discount, tax, subtotal - discount + tax));
    }
    priced.sort(Comparator.comparingLong(PricedLine::totalCents).reversed()
        .thenComparing(PricedLine::sku));
    return priced;
  }

  static int discountBasisPoints(int quantity) {
    if (quantity >= 100) {
      return 1_000;
    }
    if (quantity >= 10) {
      return 500;
    }
    return 0;
  }

  /** Half-up rounding of {@code amount * bp / 10000}, exact in integers. */
  static long roundedBasisPoints(long amount, int bp) {
    return (amount * bp + 5_000) / 10_000;
  }

  static void validate(OrderRequest o) throws InvalidOrderException {
    if (o.orderId() == null || o.orderId().isBlank() || o.orderId().length() > 64) {
      throw new InvalidOrderException("orderId must have 1 to 64 characters");
    }
    if (o.customerId() == null || o.customerId().isBlank()) {
      throw new InvalidOrderException("customerId is required");
    }
    if (o.currency() == null || !CURRENCY.matcher(o.currency()).matches()) {
      throw new InvalidOrderException("currency must be three upper-case letters");
    }
    if (o.lines() == null || o.lines().isEmpty() || o.lines().size() > MAX_LINES) {
      throw new InvalidOrderException("lines must have 1 to " + MAX_LINES + " entries");
    }
    for (int i = 0; i < o.lines().size(); i++) {
      OrderLine l = o.lines().get(i);
      if (l == null || l.sku() == null || !SKU.matcher(l.sku()).matches()) {
        throw new InvalidOrderException("lines[" + i + "].sku is invalid");
      }
      if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
        throw new InvalidOrderException("lines[" + i + "].quantity must be 1 to " + MAX_QUANTITY);
      }
      if (l.unitPriceCents() < 0 || l.unitPriceCents() > MAX_UNIT_PRICE_CENTS) {
        throw new InvalidOrderException("lines[" + i + "].unitPriceCents is out of range");
      }
      if (l.category() == null || !TAX_BP.containsKey(l.category())) {
        throw new InvalidOrderException("lines[" + i + "].category is unknown");
      }
    }
  }
}
