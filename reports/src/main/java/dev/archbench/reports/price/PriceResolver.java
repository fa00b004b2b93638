package dev.archbench.reports.price;

import dev.archbench.record.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Finds the hourly price of a host: a matching {@code --price} first, else the instance type in the
 * user's catalog ({@code --prices}), else in the embedded catalog; spot prices come from the spot
 * history file. Fargate tasks and Lambda functions are priced by size from the embedded serverless
 * catalog ({@link #resolveSized}). A region the catalogs do not cover falls back to another region with a visible note
 * rather than silently.
 */
public final class PriceResolver {
  private final List<ManualPrice> manual;
  private final PriceCatalog userCatalog;
  private final PriceCatalog embedded;
  private final SpotPrices spot;
  private final PricingModel model;
  private final ServerlessPrices serverless = ServerlessPrices.embedded();

  public PriceResolver(List<ManualPrice> manual, PriceCatalog userCatalog, PriceCatalog embedded,
      SpotPrices spot, PricingModel model) {
    this.manual = List.copyOf(manual);
    this.userCatalog = userCatalog;
    this.embedded = embedded;
    this.spot = spot;
    this.model = model;
  }

  public PricingModel model() {
    return model;
  }

  /** Matches a {@code --price} label against any of the host's names. */
  public Optional<ManualPrice> manualFor(List<String> names) {
    return manual.stream().filter(m -> names.contains(m.label())).findFirst();
  }

  /**
   * @param names the host's label, id and instance type, any of which a {@code --price} may name
   * @param instanceType {@code null} when the host is not EC2
   */
  public HostPrice resolve(List<String> names, String instanceType, String region, String zone) {
    Optional<ManualPrice> m = manualFor(names);
    if (m.isPresent()) {
      return HostPrice.of(m.get().usdPerHour(), "--price " + m.get().label(), null);
    }
    if (instanceType == null) {
      return HostPrice.none("not an EC2 instance and no --price given for it");
    }
    if (model == PricingModel.SPOT) {
      if (spot == null) {
        return HostPrice.none("--pricing spot needs --spot-prices FILE");
      }
      return spot.price(instanceType, region, zone)
          .map(usd -> HostPrice.of(usd, "spot history, " + spot.date(), null))
          .orElseGet(() -> HostPrice.none("no spot price for " + instanceType + " in " + spot.source()));
    }
    for (PriceCatalog c : userCatalog == null ? List.of(embedded) : List.of(userCatalog, embedded)) {
      Optional<CatalogEntry> exact = c.find(instanceType, region, model);
      if (exact.isPresent()) {
        return HostPrice.of(exact.get().usdPerHour(), shortName(c) + ", " + c.date(), null);
      }
    }
    for (PriceCatalog c : userCatalog == null ? List.of(embedded) : List.of(userCatalog, embedded)) {
      Optional<CatalogEntry> other = c.find(instanceType, null, model);
      if (other.isPresent()) {
        return HostPrice.of(other.get().usdPerHour(), shortName(c) + ", " + c.date(),
            "priced at " + other.get().region() + " (no " + model + " price for "
                + (region == null ? "an unknown region" : region) + ")");
      }
    }
    boolean known = embedded.specs(instanceType).isPresent()
        || (userCatalog != null && userCatalog.specs(instanceType).isPresent());
    return HostPrice.none(known
        ? "no " + model + " price for " + instanceType + " (import one with 'archbench prices import')"
        : "unknown instance type " + instanceType + " (not in the price catalog)");
  }

  /**
   * The hourly price of a host paid for by size ({@link Platform#sizeKey} is not null): a Fargate task
   * from its task size and architecture, a Lambda function from its memory size and architecture (an
   * hour of duration; requests are extra and said so). A matching {@code --price} wins, as for any host.
   *
   * @param names the host's label, id and size key, any of which a {@code --price} may name
   */
  public HostPrice resolveSized(List<String> names, Platform platform, String arch) {
    Optional<ManualPrice> m = manualFor(names);
    if (m.isPresent()) {
      return HostPrice.of(m.get().usdPerHour(), "--price " + m.get().label(), null);
    }
    String key = platform.sizeKey(arch);
    Optional<ServerlessPrices.Arch> a = ServerlessPrices.Arch.of(arch);
    if (a.isEmpty()) {
      return HostPrice.none("unknown architecture " + arch + " for " + key);
    }
    String source = "embedded serverless catalog, " + serverless.date();
    String region = platform.region();
    String regionNote = region == null || region.equals(serverless.region()) ? null
        : "priced at " + serverless.region() + " (no prices for " + region + ")";
    if (platform.kind() == Platform.Kind.LAMBDA_FUNCTION) {
      int mb = platform.lambdaFunction().memoryMb();
      Optional<Double> usd = serverless.lambdaUsdPerHour(a.get(), mb);
      if (usd.isEmpty()) {
        return HostPrice.none("no Lambda " + a.get().id() + " price in the serverless catalog");
      }
      String requests = serverless.lambdaUsdPerRequest() == null ? ""
          : "; requests add " + PriceSheet.usd(serverless.lambdaUsdPerRequest() * 1e6) + " USD" + " per million invocations";
      String note = "an hour of duration at " + mb + " MB" + requests
          + (model == PricingModel.ON_DEMAND ? "" : "; Lambda has one price, used for " + model);
      return HostPrice.of(usd.get(), source, regionNote == null ? note : regionNote + "; " + note);
    }
    if (model != PricingModel.ON_DEMAND) {
      return HostPrice.none("no " + model + " price for Fargate (Spot is a variable discount, Savings Plans are "
          + "per account): give one with --price " + key + "=USD_PER_HOUR");
    }
    Platform.Resources size = platform.ecsTask().task();
    Optional<Double> usd = serverless.fargateUsdPerHour(a.get(), size.vcpu(), size.memoryMib());
    if (usd.isEmpty()) {
      return HostPrice.none("no Fargate " + a.get().id() + " price in the serverless catalog");
    }
    return HostPrice.of(usd.get(), source, regionNote);
  }

  /** The serverless catalog in use. */
  public ServerlessPrices serverless() {
    return serverless;
  }

  private String shortName(PriceCatalog c) {
    return c == embedded ? "embedded catalog" : "--prices catalog";
  }

  /** Specs of a type from the catalogs, if known. */
  public Optional<CatalogEntry> specs(String instanceType) {
    if (instanceType == null) {
      return Optional.empty();
    }
    if (userCatalog != null) {
      Optional<CatalogEntry> e = userCatalog.specs(instanceType).filter(x -> x.vcpu() != null);
      if (e.isPresent()) {
        return e;
      }
    }
    return embedded.specs(instanceType);
  }

  /** One line per catalog in use, for the report. */
  public List<String> sources() {
    List<String> out = new java.util.ArrayList<>();
    if (model == PricingModel.SPOT && spot != null) {
      out.add(spot.source() + ", newest price " + spot.date());
    }
    if (userCatalog != null) {
      out.add("--prices catalog: " + userCatalog.source() + ", " + userCatalog.date());
    }
    out.add("embedded catalog: " + embedded.source() + ", " + embedded.date());
    return out;
  }
}
