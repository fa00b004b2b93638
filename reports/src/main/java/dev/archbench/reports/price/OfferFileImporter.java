package dev.archbench.reports.price;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.archbench.record.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an AWS Price List bulk offer file for EC2 ({@code offers/v1.0/aws/AmazonEC2/current/<region>/index.json})
 * into a catalog. Real files are gigabytes, so the file is streamed: one product or term at a time.
 *
 * <p>Kept: products of family "Compute Instance" with {@code operatingSystem=Linux},
 * {@code tenancy=Shared}, {@code preInstalledSw=NA}, {@code capacitystatus=Used} (and, when the file
 * has them, {@code marketoption=OnDemand} and {@code locationType=AWS Region}). Prices: the hourly
 * {@code OnDemand} term, and the {@code Reserved} term with {@code LeaseContractLength=1yr},
 * {@code PurchaseOption=No Upfront}, {@code OfferingClass=standard}.
 */
public final class OfferFileImporter {
  /** archbench's JSON settings, but reading one value at a time from a stream that continues. */
  private static final ObjectMapper STREAMING =
      Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private OfferFileImporter() {}

  /** The import result: the catalog and how many products were seen and kept. */
  public record Imported(PriceCatalog catalog, int productsSeen, int productsKept) {}

  private record Product(String type, Integer vcpu, Long memoryMib, String arch, String maker,
      Integer gpuCount, Long gpuMemoryMib, String region) {}

  /**
   * Imports {@code in}; {@code name} names the file in messages and in the catalog's source.
   *
   * @throws IllegalArgumentException with a one-line message naming the file when it is not an
   *     EC2 offer file or not valid JSON
   */
  public static Imported read(String name, InputStream in) throws IOException {
    Map<String, Product> products = new HashMap<>();
    Map<String, Double> onDemand = new HashMap<>();
    Map<String, Double> reserved = new HashMap<>();
    String offerCode = null;
    String version = null;
    String publicationDate = null;
    int seen = 0;
    try (JsonParser p = STREAMING.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException(name + ": not an AWS offer file (expected a JSON object)");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "offerCode" -> offerCode = p.getValueAsString();
          case "version" -> version = p.getValueAsString();
          case "publicationDate" -> publicationDate = p.getValueAsString();
          case "products" -> {
            expectObject(name, p, value, field);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              p.nextToken();
              JsonNode product = p.readValueAsTree();
              seen++;
              Product kept = keep(product);
              if (kept != null) {
                products.put(product.path("sku").asText(), kept);
              }
            }
          }
          case "terms" -> {
            expectObject(name, p, value, field);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String termType = p.currentName();
              p.nextToken();
              if ("OnDemand".equals(termType)) {
                readTerms(p, onDemand, false);
              } else if ("Reserved".equals(termType)) {
                readTerms(p, reserved, true);
              } else {
                p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(name + ": not valid JSON (" + oneLine(e.getOriginalMessage())
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()) + ")");
    }
    if (offerCode != null && !"AmazonEC2".equals(offerCode)) {
      throw new IllegalArgumentException(name + ": offer file is for " + offerCode + ", not AmazonEC2");
    }
    if (offerCode == null && products.isEmpty()) {
      throw new IllegalArgumentException(name + ": not an AWS EC2 offer file (no offerCode, no products)");
    }
    List<CatalogEntry> entries = new ArrayList<>();
    products.forEach((sku, pr) -> {
      Double od = onDemand.get(sku);
      if (od != null) {
        entries.add(entry(pr, od, PricingModel.ON_DEMAND));
      }
      Double ri = reserved.get(sku);
      if (ri != null) {
        entries.add(entry(pr, ri, PricingModel.RESERVED_1Y));
      }
    });
    String source = "AWS Price List bulk offer file " + fileName(name) + " (AmazonEC2"
        + (version == null ? "" : " version " + version) + "), Linux, shared tenancy";
    String date = publicationDate == null ? "unknown" : publicationDate;
    return new Imported(new PriceCatalog(source, date, entries), seen, products.size());
  }

  private static void expectObject(String name, JsonParser p, JsonToken t, String field) {
    if (t != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException(name + ": not an AWS offer file (" + field + " is not an object)");
    }
  }

  /** Reads {@code terms.<type>}: sku → offerTermCode → term; keeps the hourly USD price per sku. */
  private static void readTerms(JsonParser p, Map<String, Double> out, boolean reserved) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String sku = p.currentName();
      p.nextToken();
      JsonNode offers = p.readValueAsTree();
      for (JsonNode term : iterable(offers)) {
        if (reserved && !isOneYearNoUpfrontStandard(term.path("termAttributes"))) {
          continue;
        }
        Double hourly = hourlyUsd(term.path("priceDimensions"));
        if (hourly != null) {
          out.put(sku, hourly);
        }
      }
    }
  }

  private static boolean isOneYearNoUpfrontStandard(JsonNode a) {
    return "1yr".equals(a.path("LeaseContractLength").asText())
        && "No Upfront".equals(a.path("PurchaseOption").asText())
        && "standard".equals(a.path("OfferingClass").asText());
  }

  private static Double hourlyUsd(JsonNode dims) {
    for (JsonNode d : iterable(dims)) {
      String unit = d.path("unit").asText();
      if (unit.equals("Hrs") || unit.equals("Hours")) {
        String usd = d.path("pricePerUnit").path("USD").asText(null);
        if (usd != null) {
          try {
            double v = Double.parseDouble(usd);
            if (Double.isFinite(v) && v > 0) {
              return v;
            }
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
    }
    return null;
  }

  private static Product keep(JsonNode product) {
    JsonNode a = product.path("attributes");
    if (!"Compute Instance".equals(product.path("productFamily").asText("Compute Instance"))
        || !"Linux".equals(a.path("operatingSystem").asText())
        || !"Shared".equals(a.path("tenancy").asText())
        || !"NA".equals(a.path("preInstalledSw").asText())
        || !"Used".equals(a.path("capacitystatus").asText())
        || !"OnDemand".equals(a.path("marketoption").asText("OnDemand"))
        || !"AWS Region".equals(a.path("locationType").asText("AWS Region"))
        || a.path("instanceType").asText("").isEmpty()) {
      return null;
    }
    String processor = a.path("physicalProcessor").asText("");
    String lower = processor.toLowerCase(Locale.ROOT);
    String maker = lower.contains("graviton") || lower.startsWith("aws") ? "aws"
        : lower.contains("intel") ? "intel" : lower.contains("amd") ? "amd" : null;
    String arch = "aws".equals(maker) || a.path("processorArchitecture").asText("").contains("ARM")
        ? "arm64" : maker == null ? null : "amd64";
    return new Product(a.path("instanceType").asText(), intOrNull(a.path("vcpu").asText(null)),
        mib(a.path("memory").asText(null)), arch, maker, intOrNull(a.path("gpu").asText(null)),
        mib(a.path("gpuMemory").asText(null)), a.path("regionCode").asText(null));
  }

  private static CatalogEntry entry(Product p, double usd, PricingModel model) {
    return new CatalogEntry(p.type(), p.vcpu(), p.memoryMib(), p.arch(), p.maker(), null, null, null,
        p.gpuCount() == null || p.gpuCount() == 0 ? null : p.gpuCount(), p.gpuMemoryMib(), null, usd,
        p.region(), model);
  }

  private static Integer intOrNull(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** "8 GiB" or "0.5 GiB" → MiB; anything else → null. */
  static Long mib(String s) {
    if (s == null) {
      return null;
    }
    String[] parts = s.trim().replace(",", "").split("\\s+");
    if (parts.length != 2) {
      return null;
    }
    try {
      double v = Double.parseDouble(parts[0]);
      return switch (parts[1]) {
        case "GiB", "GB" -> Math.round(v * 1024);
        case "MiB", "MB" -> Math.round(v);
        case "TiB", "TB" -> Math.round(v * 1024 * 1024);
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode n) {
    List<JsonNode> out = new ArrayList<>();
    n.elements().forEachRemaining(out::add);
    return out;
  }

  private static String fileName(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    return name.substring(slash + 1);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
