package dev.archbench.workloads.web.api;

import java.util.List;

/** The body of {@code POST /api/orders}. */
public record OrderRequest(String orderId, String customerId, String currency, List<OrderLine> lines) {}
