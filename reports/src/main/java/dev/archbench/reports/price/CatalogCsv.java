package dev.archbench.reports.price;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalog file format: the columns of the embedded {@code ec2-us-east-1.csv} (instance_type, vcpu,
 * memory_mib, arch, cpu_manufacturer, accelerator_name, accelerator_count, gpu_name, gpu_count,
 * gpu_memory_mib, hypervisor, usd_per_hour) plus {@code region} and {@code pricing_model}
 * ({@code on-demand}, {@code reserved-1y}, {@code spot}). Columns are found by header name, so the
 * embedded file (without the last two) reads too. Leading {@code # key: value} lines carry the
 * catalog's {@code source} and {@code date}.
 */
public final class CatalogCsv {
  public static final List<String> COLUMNS = List.of("instance_type", "vcpu", "memory_mib", "arch",
      "cpu_manufacturer", "accelerator_name", "accelerator_count", "gpu_name", "gpu_count",
      "gpu_memory_mib", "hypervisor", "usd_per_hour", "region", "pricing_model");

  private CatalogCsv() {}

  /**
   * Parses catalog text. Errors are {@link IllegalArgumentException}s whose one-line message names
   * {@code name} and the line.
   *
   * @param defaultRegion region of rows without a region column
   */
  public static PriceCatalog parse(String name, String text, String defaultRegion) {
    Map<String, String> meta = new HashMap<>();
    Map<String, Integer> col = null;
    List<CatalogEntry> entries = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          meta.put(line.substring(1, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        continue;
      }
      List<String> f;
      try {
        f = Csv.split(line);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(name + ": line " + lineNo + ": " + e.getMessage());
      }
      if (col == null) {
        col = new HashMap<>();
        for (int c = 0; c < f.size(); c++) {
          col.put(f.get(c).trim().toLowerCase(Locale.ROOT), c);
        }
        if (!col.containsKey("instance_type") || !col.containsKey("usd_per_hour")) {
          throw new IllegalArgumentException(name + ": not a price catalog (header needs instance_type and usd_per_hour)");
        }
        continue;
      }
      entries.add(row(name, lineNo, f, col, defaultRegion));
    }
    if (col == null) {
      throw new IllegalArgumentException(name + ": empty price catalog");
    }
    return new PriceCatalog(meta.getOrDefault("source", name), meta.getOrDefault("date", "unknown"), entries);
  }

  private static CatalogEntry row(String name, int lineNo, List<String> f, Map<String, Integer> col,
      String defaultRegion) {
    try {
      String type = get(f, col, "instance_type");
      if (type == null) {
        throw new IllegalArgumentException("instance_type is empty");
      }
      String usdText = get(f, col, "usd_per_hour");
      if (usdText == null) {
        throw new IllegalArgumentException("usd_per_hour is empty");
      }
      double usd = Double.parseDouble(usdText);
      if (!Double.isFinite(usd) || usd < 0) {
        throw new IllegalArgumentException("usd_per_hour must be a finite non-negative number");
      }
      String region = get(f, col, "region");
      String model = get(f, col, "pricing_model");
      return new CatalogEntry(type, integer(get(f, col, "vcpu")), longValue(get(f, col, "memory_mib")),
          get(f, col, "arch"), get(f, col, "cpu_manufacturer"), get(f, col, "accelerator_name"),
          integer(get(f, col, "accelerator_count")), get(f, col, "gpu_name"),
          integer(get(f, col, "gpu_count")), longValue(get(f, col, "gpu_memory_mib")),
          get(f, col, "hypervisor"), usd, region == null ? defaultRegion : region,
          model == null ? PricingModel.ON_DEMAND : PricingModel.parse(model));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": line " + lineNo + ": " + e.getMessage(), e);
    }
  }

  private static String get(List<String> f, Map<String, Integer> col, String name) {
    Integer i = col.get(name);
    if (i == null || i >= f.size()) {
      return null;
    }
    String v = f.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  private static Integer integer(String s) {
    return s == null ? null : Integer.valueOf(s);
  }

  private static Long longValue(String s) {
    return s == null ? null : Long.valueOf(s);
  }

  /** Writes a catalog in the full format, rows sorted by type, region and model. */
  public static String write(PriceCatalog catalog) {
    StringBuilder sb = new StringBuilder();
    sb.append("# source: ").append(oneLine(catalog.source())).append('\n');
    sb.append("# date: ").append(oneLine(catalog.date())).append('\n');
    sb.append(String.join(",", COLUMNS)).append('\n');
    catalog.entries().stream()
        .sorted(java.util.Comparator.comparing(CatalogEntry::instanceType)
            .thenComparing(CatalogEntry::region)
            .thenComparing(CatalogEntry::pricingModel))
        .forEach(e -> sb.append(String.join(",", List.of(
            Csv.field(e.instanceType()), str(e.vcpu()), str(e.memoryMib()), Csv.field(e.arch()),
            Csv.field(e.cpuManufacturer()), Csv.field(e.acceleratorName()), str(e.acceleratorCount()),
            Csv.field(e.gpuName()), str(e.gpuCount()), str(e.gpuMemoryMib()), Csv.field(e.hypervisor()),
            usd(e.usdPerHour()), Csv.field(e.region()), e.pricingModel().id()))).append('\n'));
    return sb.toString();
  }

  /** A price with up to 6 decimals and no trailing zeros, like the embedded catalog. */
  static String usd(double v) {
    return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString();
  }

  private static String str(Object o) {
    return o == null ? "" : o.toString();
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }
}
