package dev.archbench.reports.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instance prices and specs by (instance type, region, pricing model). A catalog knows where its
 * numbers come from and how old they are, because the report must say so.
 *
 * @param source where the prices come from, one line
 * @param date when the prices were generated or published (ISO date or date-time)
 */
public record PriceCatalog(String source, String date, List<CatalogEntry> entries) {
  /** Class-path location of the embedded default catalog and its attribution. */
  public static final String EMBEDDED_RESOURCE = "/dev/archbench/reports/prices/ec2-us-east-1.csv";

  public static final String EMBEDDED_SOURCE =
      "AWS Pricing API via Karpenter (aws/karpenter-provider-aws@1d927085), us-east-1, Linux, shared tenancy, on-demand";
  public static final String EMBEDDED_DATE = "2026-07-20";
  private static final String EMBEDDED_REGION = "us-east-1";

  private static final PriceCatalog EMBEDDED = loadEmbedded();

  public PriceCatalog {
    entries = List.copyOf(entries);
  }

  /** The catalog shipped with archbench: on-demand prices for us-east-1. */
  public static PriceCatalog embedded() {
    return EMBEDDED;
  }

  private static PriceCatalog loadEmbedded() {
    try (InputStream in = PriceCatalog.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("price catalog resource missing: " + EMBEDDED_RESOURCE);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      PriceCatalog parsed = CatalogCsv.parse("embedded catalog", text, EMBEDDED_REGION);
      return new PriceCatalog(EMBEDDED_SOURCE, EMBEDDED_DATE, parsed.entries());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The price of a type in a region under a model. */
  public Optional<CatalogEntry> find(String instanceType, String region, PricingModel model) {
    for (CatalogEntry e : entries) {
      if (e.instanceType().equals(instanceType) && e.pricingModel() == model
          && (region == null || region.equals(e.region()))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Any row of the type (for its specs), preferring one with vCPU data. */
  public Optional<CatalogEntry> specs(String instanceType) {
    return entries.stream()
        .filter(e -> e.instanceType().equals(instanceType))
        .min(Comparator.comparing((CatalogEntry e) -> e.vcpu() == null));
  }

  /** Regions in which the type has a price under the model, sorted. */
  public List<String> regionsOf(String instanceType, PricingModel model) {
    return entries.stream()
        .filter(e -> e.instanceType().equals(instanceType) && e.pricingModel() == model)
        .map(CatalogEntry::region).distinct().sorted().toList();
  }

  /** Index for fast look-ups when catalogs are large. */
  public Map<String, List<CatalogEntry>> byType() {
    Map<String, List<CatalogEntry>> m = new HashMap<>();
    for (CatalogEntry e : entries) {
      m.computeIfAbsent(e.instanceType(), k -> new ArrayList<>()).add(e);
    }
    return m;
  }
}
