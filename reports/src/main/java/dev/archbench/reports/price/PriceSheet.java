package dev.archbench.reports.price;

import java.util.List;
import java.util.Locale;

/**
 * The embedded prices as people read them ({@code archbench prices show}): each catalog with its
 * source and date, the serverless rates by architecture, and what common sizes cost an hour, computed
 * the way reports price a record of that size.
 */
public final class PriceSheet {
  /** Fargate's smallest, a middle and its largest task sizes (vCPU, MiB). */
  static final List<double[]> FARGATE_SIZES = List.of(new double[] {0.25, 512}, new double[] {0.5, 1024},
      new double[] {1, 2048}, new double[] {2, 4096}, new double[] {4, 8192}, new double[] {8, 16384},
      new double[] {16, 122880});
  /** Lambda's smallest, Power Tuning's usual points (1769 MB is one full vCPU) and its largest. */
  static final List<Integer> LAMBDA_SIZES = List.of(128, 512, 1024, 1769, 3008, 10240);

  private PriceSheet() {}

  public static String render(PriceCatalog ec2, ServerlessPrices serverless) {
    StringBuilder out = new StringBuilder();
    long types = ec2.entries().stream().map(CatalogEntry::instanceType).distinct().count();
    out.append("EC2 instances: ").append(types).append(" instance types, priced by type (")
        .append(ec2.source()).append(", ").append(ec2.date()).append(")\n\n");

    out.append("Fargate tasks: vCPU x per vCPU-hour + GB x per GB-hour (").append(serverless.source()).append(", ")
        .append(serverless.date()).append(")\n");
    out.append(String.format(Locale.ROOT, "  %-14s %14s %14s\n", "architecture", "per vCPU-hour", "per GB-hour"));
    for (ServerlessPrices.Arch a : ServerlessPrices.Arch.values()) {
      ServerlessPrices.FargateRate r = serverless.fargate().get(a);
      if (r != null) {
        out.append(String.format(Locale.ROOT, "  %-14s %14s %14s\n", a.id(), usd(r.perVcpuHour()), usd(r.perGbHour())));
      }
    }
    out.append(String.format(Locale.ROOT, "  %-20s %14s %14s\n", "task size", "arm64 USD/h", "x86_64 USD/h"));
    for (double[] size : FARGATE_SIZES) {
      out.append(String.format(Locale.ROOT, "  %-20s %14s %14s\n",
          plain(size[0]) + " vCPU, " + plain(size[1] / 1024) + " GB",
          serverless.fargateUsdPerHour(ServerlessPrices.Arch.ARM64, size[0], (long) size[1]).map(PriceSheet::usd).orElse("-"),
          serverless.fargateUsdPerHour(ServerlessPrices.Arch.X86_64, size[0], (long) size[1]).map(PriceSheet::usd)
              .orElse("-")));
    }
    out.append("  Fargate Spot is a variable discount with no published rate: price a Spot task with\n")
        .append("  'archbench report --price fargate-arm64-1vcpu-2gb=USD_PER_HOUR' (its host name in the report).\n\n");

    out.append("Lambda functions: GB x seconds x per GB-second, plus per request (").append(serverless.source())
        .append(", ").append(serverless.date()).append(")\n");
    out.append(String.format(Locale.ROOT, "  %-14s %14s\n", "architecture", "per GB-second"));
    for (ServerlessPrices.Arch a : ServerlessPrices.Arch.values()) {
      Double r = serverless.lambdaUsdPerGbSecond().get(a);
      if (r != null) {
        out.append(String.format(Locale.ROOT, "  %-14s %14s\n", a.id(), usd(r)));
      }
    }
    if (serverless.lambdaUsdPerRequest() != null) {
      out.append("  requests: ").append(usd(serverless.lambdaUsdPerRequest() * 1e6)).append(" USD per million\n");
    }
    out.append(String.format(Locale.ROOT, "  %-20s %14s %14s\n", "memory size", "arm64 USD/h", "x86_64 USD/h"));
    for (int mb : LAMBDA_SIZES) {
      out.append(String.format(Locale.ROOT, "  %-20s %14s %14s\n", mb + " MB",
          serverless.lambdaUsdPerHour(ServerlessPrices.Arch.ARM64, mb).map(PriceSheet::usd).orElse("-"),
          serverless.lambdaUsdPerHour(ServerlessPrices.Arch.X86_64, mb).map(PriceSheet::usd).orElse("-")));
    }
    out.append("  USD/h is an hour of duration (a function busy all hour); requests are extra.\n");
    return out.toString();
  }

  /** Six significant digits, no exponent. */
  static String usd(double v) {
    return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
