package dev.archbench.workloads.web.api;

/** One line of an order as the client sends it; prices in cents to keep arithmetic exact. */
public record OrderLine(String sku, int quantity, long unitPriceCents, String category) {}
