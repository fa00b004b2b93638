package dev.archbench.harness.cli;

import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import dev.archbench.reports.price.CatalogCsv;
import dev.archbench.reports.price.CatalogEntry;
import dev.archbench.reports.price.OfferFileImporter;
import dev.archbench.reports.price.PriceCatalog;
import dev.archbench.reports.price.PriceSheet;
import dev.archbench.reports.price.PricingModel;
import dev.archbench.reports.price.ServerlessPrices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archbench prices}: price catalogs for reports. */
@Command(name = "prices", mixinStandardHelpOptions = true,
    description = "Price catalogs for reports (the embedded ones cover us-east-1 on-demand: EC2, Fargate, Lambda).",
    subcommands = {PricesCommand.Show.class, PricesCommand.Import.class})
public final class PricesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** {@code archbench prices show}: the embedded catalogs, and what Fargate task and Lambda memory sizes cost. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Shows the embedded price catalogs with their sources: the EC2 catalog in brief, Fargate per "
          + "vCPU-hour and GB-hour and Lambda per GB-second and per request by architecture, and what common Fargate "
          + "task sizes and Lambda memory sizes cost an hour (as reports price records of them, with no --price).")
  public static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(PriceSheet.render(PriceCatalog.embedded(), ServerlessPrices.embedded()));
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code archbench prices import FILE}: an AWS Price List bulk offer file into a catalog. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {
        "Reads an AWS Price List bulk offer file for EC2 (offers/v1.0/aws/AmazonEC2/current/REGION/index.json) "
            + "and writes a price catalog for 'archbench report --prices': Linux, shared tenancy, no "
            + "pre-installed software; on-demand and reserved 1 year no upfront (standard) prices.",
        "The file is streamed, so the multi-gigabyte regional files work with a small heap."})
  public static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The offer file (JSON).")
    Path file;

    @Option(names = "--out", paramLabel = "FILE",
        description = "Catalog to write (default: ec2-REGION.csv in the current directory).")
    Path out;

    @Override
    public Integer call() {
      OfferFileImporter.Imported imported;
      try (InputStream in = Files.newInputStream(file)) {
        imported = OfferFileImporter.read(file.toString(), in);
      } catch (NoSuchFileException e) {
        throw new UserException(file + ": no such file");
      } catch (IOException e) {
        throw new UserException(file + ": cannot read: " + e.getMessage());
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
      var entries = imported.catalog().entries();
      if (entries.isEmpty()) {
        throw new UserException(file + ": no Linux shared-tenancy instance prices found among "
            + imported.productsSeen() + " products");
      }
      String region = entries.stream().map(CatalogEntry::region).filter(r -> r != null).sorted()
          .findFirst().orElse("unknown");
      Path target = out != null ? out : Path.of("ec2-" + region + ".csv");
      try {
        RecordFiles.writeAtomically(target, CatalogCsv.write(imported.catalog()));
      } catch (RecordException e) {
        throw new UserException(e.getMessage());
      }
      long types = entries.stream().map(CatalogEntry::instanceType).distinct().count();
      long od = entries.stream().filter(e -> e.pricingModel() == PricingModel.ON_DEMAND).count();
      long ri = entries.stream().filter(e -> e.pricingModel() == PricingModel.RESERVED_1Y).count();
      spec.commandLine().getOut().println("imported " + types + " instance types (" + od + " on-demand, " + ri
          + " reserved-1y prices) from " + imported.productsSeen() + " products into " + target);
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
