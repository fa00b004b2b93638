package dev.archbench.workloads.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic order payloads, so every run and every host sends the same bytes. */
public final class SampleOrders {
  private static final String[] CATEGORIES = {"books", "food", "electronics", "clothing", "toys"};

  private SampleOrders() {}

  /** An order of {@code lines} lines (40 lines serialize to about 3.3 KB). */
  public static OrderRequest order(int lines, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<OrderLine> l = new ArrayList<>(lines);
    for (int i = 0; i < lines; i++) {
      int quantity = 1 + r.nextInt(r.nextInt(8) == 0 ? 150 : 12);
      l.add(new OrderLine(String.format(java.util.Locale.ROOT, "SKU-%06d", r.nextInt(1_000_000)),
          quantity, 99 + r.nextInt(50_000), CATEGORIES[r.nextInt(CATEGORIES.length)]));
    }
    return new OrderRequest("ORD-" + seed, "CUST-" + (seed % 9973), "EUR", l);
  }

  /** The order the load generator posts: 40 lines. */
  public static OrderRequest standard() {
    return order(40, 42);
  }

  public static byte[] standardBytes() {
    try {
      return WebJson.mapper().writeValueAsBytes(standard());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
