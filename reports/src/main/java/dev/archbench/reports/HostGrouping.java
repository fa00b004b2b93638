package dev.archbench.reports;

import dev.archbench.record.BenchmarkResult;
import dev.archbench.record.Host;
import dev.archbench.record.Platform;
import dev.archbench.record.RunRecord;
import dev.archbench.record.WarningCode;
import dev.archbench.reports.Analysis.HostSummary;
import dev.archbench.reports.price.CatalogEntry;
import dev.archbench.reports.price.HostPrice;
import dev.archbench.reports.price.PriceResolver;
import dev.archbench.reports.price.PricingModel;
import dev.archbench.workload.Profile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The second stage: records grouped into hosts (same instance type, else label, else host id),
 * each summarized and priced. Noisy hosts (smoke, shared CI runners) are kept but left out of price
 * comparisons unless {@code --allow-noisy}.
 */
final class HostGrouping {
  private HostGrouping() {}

  static List<HostGroup> group(List<AcceptedRecord> accepted, ReportOptions opt, PriceResolver prices,
      List<String> problems) {
    TreeMap<String, List<AcceptedRecord>> groups = new TreeMap<>();
    for (AcceptedRecord a : accepted) {
      groups.computeIfAbsent(a.record().hostKey(), k -> new ArrayList<>()).add(a);
    }
    List<HostGroup> out = new ArrayList<>();
    // Records in run-id order, so that the input order never changes a number.
    groups.values().forEach(recs -> recs.sort(Comparator.comparing(a -> a.record().run().id())));
    groups.forEach((key, recs) -> {
      Map<String, List<BenchmarkResult>> byKey = new HashMap<>();
      for (AcceptedRecord a : recs) {
        for (BenchmarkResult r : a.results()) {
          byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
        }
      }
      out.add(new HostGroup(key, recs, summarize(key, recs, opt, prices, problems), byKey));
    });
    return out;
  }

  private static HostSummary summarize(String key, List<AcceptedRecord> recs, ReportOptions opt,
      PriceResolver prices, List<String> problems) {
    RunRecord first = recs.get(0).record();
    Host h = first.host();
    Host.Cloud cloud = h.cloud() == null ? Host.Cloud.NONE : h.cloud();
    Set<String> noisy = new TreeSet<>();
    Set<String> profiles = new TreeSet<>();
    for (AcceptedRecord a : recs) {
      var run = a.record().run();
      profiles.add(run.profile());
      if (a.profile() == Profile.SMOKE) {
        noisy.add("smoke profile");
      } else if (!run.comparable()) {
        noisy.add("marked not comparable");
      }
      if (run.hasWarning(WarningCode.SHARED_CI_RUNNER)) {
        noisy.add("shared CI runner");
      }
    }
    boolean compared = noisy.isEmpty() || opt.allowNoisy();
    if (!noisy.isEmpty() && !opt.allowNoisy()) {
      problems.add(recs.get(0).file() + ": host " + key + " (" + String.join(", ", noisy)
          + ") is left out of price comparisons; pass --allow-noisy to include it, marked");
    }
    List<String> names = new ArrayList<>();
    for (AcceptedRecord a : recs) {
      names.add(a.record().run().label());
    }
    names.add(h.id());
    names.add(cloud.instanceType());
    names.add(key);
    names.removeIf(n -> n == null);
    // A Fargate task or a Lambda function is paid for by its size, whatever machine it landed on.
    Platform platform = h.platform();
    boolean sized = platform != null && platform.sizeKey(h.arch()) != null;
    HostPrice price = sized ? prices.resolveSized(names, platform, h.arch())
        : prices.resolve(names, cloud.instanceType(), cloud.region(), cloud.availabilityZone());
    if (!price.priced()) {
      problems.add(recs.get(0).file() + ": " + price.problem() + "; " + key
          + " is shown without price-performance");
    }
    String priceNote = price.note();
    if ("spot".equals(cloud.lifecycle()) && opt.pricing() != PricingModel.SPOT
        && price.priced()) {
      // Compare like with like: one pricing model for every host, but say that this one ran on spot.
      priceNote = (priceNote == null ? "" : priceNote + "; ") + "ran on a spot instance, priced " + opt.pricing()
          + " like the other hosts (use --pricing spot --spot-prices FILE for spot prices)";
    }
    Optional<CatalogEntry> specs = prices.specs(cloud.instanceType());
    Host.Cpu cpu = h.cpu();
    Integer vcpus = cpu != null && cpu.logicalCores() != null ? cpu.logicalCores()
        : specs.map(CatalogEntry::vcpu).orElse(null);
    Integer cores = cpu != null ? cpu.physicalCores() : null;
    String accel = h.accelerators() == null || h.accelerators().isEmpty() ? null
        : h.accelerators().stream()
            .map(x -> (x.count() == null ? "" : x.count() + "x ") + (x.name() == null ? x.kind() : x.name()))
            .collect(Collectors.joining(", "));
    String jvm = h.jvm() == null ? null : join(h.jvm().vendor(), h.jvm().version());
    String os = h.os() == null ? null : join(h.os().name(), h.os().version(), h.os().kernel());
    List<String> labels = recs.stream().map(a -> a.record().run().label()).filter(l -> l != null)
        .distinct().sorted().toList();
    return new HostSummary(key, labels.isEmpty() ? null : String.join(", ", labels),
        cloud.instanceType(), cloud.region(), cloud.lifecycle(), h.arch(),
        cpu == null ? null : cpu.vendor(), cpuModels(recs),
        cpu == null ? null : cpu.microarchitecture(), vcpus, cores,
        h.memory() == null ? null : h.memory().totalBytes(), accel, jvm, os,
        recs.stream().map(a -> a.record().run().id()).toList(),
        recs.stream().map(a -> fileName(a.file())).toList(),
        List.copyOf(profiles), List.copyOf(noisy), compared,
        price.usdPerHour() == null ? null : Rounding.r6(price.usdPerHour()),
        price.source(), priceNote, price.priced() ? null : price.problem(), LoadSource.of(recs));
  }

  /**
   * The CPU model of the host's records: one model, or each model with its number of records when
   * they differ (tasks of one Fargate size land on different machines: the host lottery).
   */
  static String cpuModels(List<AcceptedRecord> recs) {
    Map<String, Integer> counts = new TreeMap<>();
    for (AcceptedRecord a : recs) {
      Host.Cpu c = a.record().host().cpu();
      if (c != null && c.model() != null) {
        counts.merge(c.model(), 1, Integer::sum);
      }
    }
    if (counts.size() <= 1) {
      return counts.isEmpty() ? null : counts.keySet().iterator().next();
    }
    return counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue()).thenComparing(Map.Entry::getKey))
        .map(e -> e.getKey() + " (" + e.getValue() + (e.getValue() == 1 ? " record)" : " records)"))
        .collect(Collectors.joining(", "));
  }

  private static String fileName(String file) {
    int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
    return file.substring(slash + 1);
  }

  private static String join(String... parts) {
    String s = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank())
        .collect(Collectors.joining(" "));
    return s.isEmpty() ? null : s;
  }
}
