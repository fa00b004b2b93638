package dev.archbench.harness.cli;

import dev.archbench.record.RecordException;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.RecordLoader;
import dev.archbench.reports.ReportOptions;
import dev.archbench.reports.Reports;
import dev.archbench.reports.Site;
import dev.archbench.reports.TargetLoad;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.CatalogCsv;
import dev.archbench.reports.price.ManualPrice;
import dev.archbench.reports.price.PriceCatalog;
import dev.archbench.reports.price.PricingModel;
import dev.archbench.reports.price.SpotPrices;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archbench report}: compares records across hosts on performance and price-performance. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Compares run records across hosts: scores with 95%% intervals (hierarchical bootstrap over forks "
          + "and iterations), performance relative to a baseline, work per dollar, cost per million "
          + "operations, latency-bound cost and capacity plans, as HTML, Markdown, CSV and JSON.",
      "Problems with the input are reported one per line; the remaining records are still reported "
          + "(--strict makes any problem fatal)."})
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "RECORD|DIR", description = "Run records, or directories searched for *.json records.")
  List<Path> inputs;

  @Option(names = "--format", split = ",", paramLabel = "FMT", defaultValue = "html,md,csv,json",
      description = "Formats to write: html, md, csv, json (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "archbench-report",
      description = "Directory for report.html, report.md, report.csv, report.json (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--baseline", paramLabel = "HOST",
      description = "Host to compare against: instance type, label, host id or run id (default: the first host by name).")
  String baseline;

  @Option(names = "--price", paramLabel = "LABEL=USD_PER_HOUR",
      description = "Hourly price of a host that is not EC2 (or to override the catalog); LABEL matches the run label, host id or instance type. Repeatable.")
  List<String> prices = new ArrayList<>();

  @Option(names = "--prices", paramLabel = "FILE",
      description = "Price catalog from 'archbench prices import', consulted before the embedded catalog.")
  Path pricesFile;

  @Option(names = "--spot-prices", paramLabel = "FILE",
      description = "JSON printed by 'aws ec2 describe-spot-price-history' (for --pricing spot).")
  Path spotFile;

  @Option(names = "--pricing", paramLabel = "MODEL", defaultValue = "on-demand",
      description = "on-demand, spot or reserved-1y (no upfront) (default: ${DEFAULT-VALUE}).")
  String pricing;

  @Option(names = "--allow-noisy",
      description = "Include smoke-profile and shared-CI-runner records in price comparisons, marked as noisy.")
  boolean allowNoisy;

  @Option(names = "--strict", description = "Fail on any problem with the input instead of leaving the record out.")
  boolean strict;

  @Option(names = "--target-load", paramLabel = "SPEC",
      description = "Capacity question, e.g. web:json=50000rps@p99<10ms or inference:mlp=5000ips@p99<100ms: instances of each type and monthly cost. Repeatable.")
  List<String> targetLoads = new ArrayList<>();

  @Option(names = "--site", paramLabel = "DIR",
      description = "Also publish into a static site: index of reports, each report, the raw records.")
  Path site;

  @Option(names = "--title", paramLabel = "TEXT", description = "Title of the report.")
  String title;

  @Override
  public Integer call() {
    PrintWriter outW = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Set<ReportFormat.Type> types = EnumSet.noneOf(ReportFormat.Type.class);
    ReportOptions options;
    try {
      for (String f : formats) {
        types.add(ReportFormat.Type.parse(f));
      }
      List<ManualPrice> manual = prices.stream().map(ManualPrice::parse).toList();
      List<TargetLoad> loads = targetLoads.stream().map(TargetLoad::parse).toList();
      PricingModel model = PricingModel.parse(pricing);
      if (model == PricingModel.SPOT && spotFile == null) {
        throw new IllegalArgumentException("--pricing spot needs --spot-prices FILE");
      }
      options = ReportOptions.defaults().withTitle(FreeText.check("--title", title)).withBaseline(baseline).withPrices(manual)
          .withAllowNoisy(allowNoisy).withTargetLoads(loads);
      options = options.withCatalogs(catalog(pricesFile), spot(spotFile), model);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }

    RecordLoader.Loaded loaded = RecordLoader.load(inputs);
    Analysis analysis;
    try {
      analysis = Reports.analyze(loaded.records(), loaded.problems(), options);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), ExitCodes.USAGE);
    }
    for (String p : analysis.problems()) {
      err.println("archbench: " + (strict ? "error: " : "warning: ") + p);
    }
    err.flush();
    if (loaded.records().isEmpty()) {
      throw new UserException("no readable run records in " + inputs.size() + (inputs.size() == 1 ? " input" : " inputs"));
    }
    if (strict && !analysis.problems().isEmpty()) {
      throw new UserException(analysis.problems().size() + (analysis.problems().size() == 1 ? " problem" : " problems")
          + " with the input; no report written (--strict)");
    }
    try {
      for (Path p : Reports.write(analysis, out, types)) {
        outW.println(p);
      }
      if (site != null) {
        Path dir = Site.publish(site, analysis, loaded.records(), types);
        outW.println(site.resolve("index.html"));
        outW.println(dir.resolve("report.html"));
      }
    } catch (RecordException e) {
      throw new UserException(e.getMessage());
    }
    outW.flush();
    return ExitCodes.OK;
  }

  static PriceCatalog catalog(Path file) {
    if (file == null) {
      return null;
    }
    return CatalogCsv.parse(file.toString(), readText(file, "--prices"), null);
  }

  static SpotPrices spot(Path file) {
    if (file == null) {
      return null;
    }
    return SpotPrices.parse(file.toString(), readText(file, "--spot-prices"));
  }

  private static String readText(Path file, String option) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(option + " " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(option + " " + file + ": cannot read: " + e.getMessage());
    }
  }
}
