package dev.archbench.workloads.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderPricingTest {

  @Test
  void pricesLinesWithVolumeDiscountAndTaxSortedByTotal() throws Exception {
    OrderRequest o = new OrderRequest("O1", "C1", "EUR", List.of(
        new OrderLine("A-1", 2, 1000, "books"),        // 2000, no discount, 7% tax = 140
        new OrderLine("B-2", 10, 1000, "electronics"), // 10000, 5% = 500, 19% of 9500 = 1805
        new OrderLine("C-3", 100, 99, "food")));       // 9900, 10% = 990, 7% of 8910 = 623.7 -> 624
    List<PricedLine> p = OrderPricing.price(o);
    assertThat(p).containsExactly(
        new PricedLine("B-2", 10, 10000, 500, 1805, 11305),
        new PricedLine("C-3", 100, 9900, 990, 624, 9534),
        new PricedLine("A-1", 2, 2000, 0, 140, 2140));
  }

  @Test
  void rejectsBrokenRules() {
    OrderLine ok = new OrderLine("A", 1, 1, "toys");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("", "C", "EUR", List.of(ok))))
        .isInstanceOf(InvalidOrderException.class).hasMessageContaining("orderId");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("O", "C", "eur", List.of(ok))))
        .hasMessageContaining("currency");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("O", "C", "EUR",
        List.of(new OrderLine("a b", 1, 1, "toys"))))).hasMessageContaining("lines[0].sku");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("O", "C", "EUR",
        List.of(ok, new OrderLine("B", 0, 1, "toys"))))).hasMessageContaining("lines[1].quantity");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("O", "C", "EUR",
        List.of(new OrderLine("B", 1, -1, "toys"))))).hasMessageContaining("unitPriceCents");
    assertThatThrownBy(() -> OrderPricing.price(new OrderRequest("O", "C", "EUR",
        List.of(new OrderLine("B", 1, 1, "weapons"))))).hasMessageContaining("category");
  }

  @Test
  void sampleOrderIsAFewKilobytesAndValid() throws Exception {
    assertThat(SampleOrders.standardBytes().length).isBetween(2_000, 8_000);
    assertThat(OrderPricing.price(SampleOrders.standard())).hasSize(40);
    assertThat(SampleOrders.standardBytes()).isEqualTo(SampleOrders.standardBytes());
  }
}
