package dev.archbench.reports;

import dev.archbench.reports.price.ManualPrice;
import dev.archbench.reports.price.PriceCatalog;
import dev.archbench.reports.price.PricingModel;
import dev.archbench.reports.price.SpotPrices;
import dev.archbench.stats.HierarchicalBootstrap;
import java.util.List;

/**
 * What a report is asked for.
 *
 * @param baseline host key, label, id or instance type to compare against; {@code null}: the first host
 * @param userCatalog from {@code --prices}, consulted before the embedded catalog; may be null
 * @param spotPrices from {@code --spot-prices}; may be null
 * @param allowNoisy include smoke and shared-runner records in price comparisons (marked)
 */
public record ReportOptions(
    String title,
    String baseline,
    List<ManualPrice> prices,
    PriceCatalog userCatalog,
    SpotPrices spotPrices,
    PricingModel pricing,
    boolean allowNoisy,
    List<TargetLoad> targetLoads,
    int replicates) {

  public ReportOptions {
    prices = List.copyOf(prices);
    targetLoads = List.copyOf(targetLoads);
  }

  public static ReportOptions defaults() {
    return new ReportOptions(null, null, List.of(), null, null, PricingModel.ON_DEMAND, false, List.of(),
        HierarchicalBootstrap.REPLICATES);
  }

  public ReportOptions withBaseline(String b) {
    return new ReportOptions(title, b, prices, userCatalog, spotPrices, pricing, allowNoisy, targetLoads, replicates);
  }

  public ReportOptions withPrices(List<ManualPrice> p) {
    return new ReportOptions(title, baseline, p, userCatalog, spotPrices, pricing, allowNoisy, targetLoads, replicates);
  }

  public ReportOptions withCatalogs(PriceCatalog user, SpotPrices spot, PricingModel model) {
    return new ReportOptions(title, baseline, prices, user, spot, model, allowNoisy, targetLoads, replicates);
  }

  public ReportOptions withAllowNoisy(boolean a) {
    return new ReportOptions(title, baseline, prices, userCatalog, spotPrices, pricing, a, targetLoads, replicates);
  }

  public ReportOptions withTargetLoads(List<TargetLoad> t) {
    return new ReportOptions(title, baseline, prices, userCatalog, spotPrices, pricing, allowNoisy, t, replicates);
  }

  public ReportOptions withTitle(String t) {
    return new ReportOptions(t, baseline, prices, userCatalog, spotPrices, pricing, allowNoisy, targetLoads, replicates);
  }

  public ReportOptions withReplicates(int r) {
    return new ReportOptions(title, baseline, prices, userCatalog, spotPrices, pricing, allowNoisy, targetLoads, r);
  }
}
