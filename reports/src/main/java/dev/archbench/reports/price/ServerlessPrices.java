package dev.archbench.reports.price;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * On-demand prices of the compute that is paid for by size, not by instance: AWS Fargate per
 * vCPU-hour and per GB-hour, AWS Lambda per GB-second of duration and per request, each by CPU
 * architecture, for one region. A Fargate task costs {@code vCPU x vcpuHour + GB x gbHour} an hour;
 * a Lambda function busy for an hour costs {@code GB x 3600 x gbSecond} plus its requests.
 *
 * <p>Read from the embedded {@code serverless-us-east-1.csv} (columns {@code service, architecture,
 * dimension, unit, usd}; its sources are in {@code ATTRIBUTION.md}). Fargate Spot is a variable
 * discount with no published rate, so it is not here: a Spot task is priced with {@code --price}.
 *
 * @param region the region the prices are for
 * @param source where the prices come from, one line
 * @param date when they were read
 */
public record ServerlessPrices(String region, String source, String date, Map<Arch, FargateRate> fargate,
    Map<Arch, Double> lambdaUsdPerGbSecond, Double lambdaUsdPerRequest) {
  public static final String EMBEDDED_RESOURCE = "/dev/archbench/reports/prices/serverless-us-east-1.csv";
  public static final String EMBEDDED_SOURCE = "AWS Fargate and Lambda pricing pages via Vantage, Cloudchipr and "
      + "mariano/lambda_local_runner summaries, us-east-1, Linux, on-demand";
  public static final String EMBEDDED_DATE = "2026-12-06";
  private static final double SECONDS_PER_HOUR = 3600;
  private static final double MIB_PER_GB = 1024;
  private static final ServerlessPrices EMBEDDED = loadEmbedded();

  /** The architectures the prices distinguish, named as AWS names them. */
  public enum Arch {
    X86_64("x86_64"),
    ARM64("arm64");

    private final String id;

    Arch(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** From a record's {@code host.arch} ({@code x86_64}, {@code aarch64}) or AWS's name; empty when unknown. */
    public static Optional<Arch> of(String arch) {
      if (arch == null) {
        return Optional.empty();
      }
      return switch (arch.strip().toLowerCase(Locale.ROOT)) {
        case "x86_64", "amd64" -> Optional.of(X86_64);
        case "aarch64", "arm64" -> Optional.of(ARM64);
        default -> Optional.empty();
      };
    }
  }

  /** Fargate's two rates for one architecture, in USD. */
  public record FargateRate(double perVcpuHour, double perGbHour) {}

  public ServerlessPrices {
    fargate = Map.copyOf(fargate);
    lambdaUsdPerGbSecond = Map.copyOf(lambdaUsdPerGbSecond);
  }

  public static ServerlessPrices embedded() {
    return EMBEDDED;
  }

  /** The hourly price of a Fargate task of {@code vcpu} and {@code memoryMib}, or empty without a rate. */
  public Optional<Double> fargateUsdPerHour(Arch arch, double vcpu, long memoryMib) {
    FargateRate r = fargate.get(arch);
    return r == null ? Optional.empty() : Optional.of(vcpu * r.perVcpuHour() + memoryMib / MIB_PER_GB * r.perGbHour());
  }

  /** The price of an hour of a Lambda function's duration at {@code memoryMb}, requests not included. */
  public Optional<Double> lambdaUsdPerHour(Arch arch, int memoryMb) {
    Double perGbSecond = lambdaUsdPerGbSecond.get(arch);
    return perGbSecond == null ? Optional.empty() : Optional.of(memoryMb / MIB_PER_GB * SECONDS_PER_HOUR * perGbSecond);
  }

  /**
   * Parses the catalog. Errors are {@link IllegalArgumentException}s whose one-line message names
   * {@code name} and the line.
   */
  public static ServerlessPrices parse(String name, String text, String region, String source, String date) {
    Map<Arch, Double> vcpuHour = new EnumMap<>(Arch.class);
    Map<Arch, Double> gbHour = new EnumMap<>(Arch.class);
    Map<Arch, Double> gbSecond = new EnumMap<>(Arch.class);
    Double perRequest = null;
    String[] lines = text.split("\r?\n", -1);
    boolean header = true;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> f = Csv.split(lines[i]);
      if (header) {
        if (!f.equals(List.of("service", "architecture", "dimension", "unit", "usd"))) {
          throw new IllegalArgumentException(name + ": not a serverless price file (header must be "
              + "service,architecture,dimension,unit,usd)");
        }
        header = false;
        continue;
      }
      String where = name + ": line " + (i + 1);
      if (f.size() != 5) {
        throw new IllegalArgumentException(where + ": expected 5 fields, found " + f.size());
      }
      double usd = usd(where, f.get(4));
      String service = f.get(0);
      String dimension = f.get(2);
      Optional<Arch> arch = Arch.of(f.get(1));
      switch (service + "/" + dimension) {
        case "fargate/vcpu" -> vcpuHour.put(arch(where, arch), usd);
        case "fargate/memory" -> gbHour.put(arch(where, arch), usd);
        case "lambda/duration" -> gbSecond.put(arch(where, arch), usd);
        case "lambda/requests" -> perRequest = usd;
        default -> {
          // Other dimensions (ephemeral storage beyond the 20 GB every task includes) do not price a run.
        }
      }
    }
    Map<Arch, FargateRate> fargate = new EnumMap<>(Arch.class);
    for (Arch a : Arch.values()) {
      if (vcpuHour.containsKey(a) != gbHour.containsKey(a)) {
        throw new IllegalArgumentException(name + ": Fargate " + a.id() + " needs both a vcpu and a memory price");
      }
      if (vcpuHour.containsKey(a)) {
        fargate.put(a, new FargateRate(vcpuHour.get(a), gbHour.get(a)));
      }
    }
    return new ServerlessPrices(region, source, date, fargate, gbSecond, perRequest);
  }

  private static Arch arch(String where, Optional<Arch> arch) {
    return arch.orElseThrow(() -> new IllegalArgumentException(where + ": architecture must be x86_64 or arm64"));
  }

  private static double usd(String where, String value) {
    try {
      double v = Double.parseDouble(value.strip());
      if (!Double.isFinite(v) || v <= 0) {
        throw new IllegalArgumentException(where + ": price must be a positive number, got '" + value + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": price must be a number, got '" + value + "'");
    }
  }

  private static ServerlessPrices loadEmbedded() {
    try (InputStream in = ServerlessPrices.class.getResourceAsStream(EMBEDDED_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("price catalog resource missing: " + EMBEDDED_RESOURCE);
      }
      return parse("embedded serverless catalog", new String(in.readAllBytes(), StandardCharsets.UTF_8), "us-east-1",
          EMBEDDED_SOURCE, EMBEDDED_DATE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
