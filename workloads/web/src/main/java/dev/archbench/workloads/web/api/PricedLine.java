package dev.archbench.workloads.web.api;

/** One line of the answer to {@code POST /api/orders}: what the line costs after discount and tax. */
public record PricedLine(
    String sku, int quantity, long subtotalCents, long discountCents, long taxCents, long totalCents) {}
