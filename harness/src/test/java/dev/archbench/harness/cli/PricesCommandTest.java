package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricesCommandTest {
  @TempDir Path dir;

  /** A minimal offer file in the bulk API's structure: c7g and c7i in us-east-1, one Windows decoy. */
  static String offer() {
    return """
        {"formatVersion":"v1.0","offerCode":"AmazonEC2","version":"20261120","publicationDate":"2026-11-20T00:00:00Z",
         "products":{
          "SKUG":{"sku":"SKUG","productFamily":"Compute Instance","attributes":{"instanceType":"c7g.xlarge","vcpu":"4",
            "memory":"8 GiB","physicalProcessor":"AWS Graviton3 Processor","operatingSystem":"Linux","tenancy":"Shared",
            "preInstalledSw":"NA","capacitystatus":"Used","regionCode":"us-east-1"}},
          "SKUI":{"sku":"SKUI","productFamily":"Compute Instance","attributes":{"instanceType":"c7i.xlarge","vcpu":"4",
            "memory":"8 GiB","physicalProcessor":"Intel Xeon Scalable (Sapphire Rapids)","operatingSystem":"Linux",
            "tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used","regionCode":"us-east-1"}},
          "SKUW":{"sku":"SKUW","productFamily":"Compute Instance","attributes":{"instanceType":"c7i.xlarge","vcpu":"4",
            "memory":"8 GiB","operatingSystem":"Windows","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used",
            "regionCode":"us-east-1"}}},
         "terms":{
          "OnDemand":{
           "SKUG":{"SKUG.T":{"priceDimensions":{"SKUG.T.D":{"unit":"Hrs","pricePerUnit":{"USD":"0.1450000000"}}},"termAttributes":{}}},
           "SKUI":{"SKUI.T":{"priceDimensions":{"SKUI.T.D":{"unit":"Hrs","pricePerUnit":{"USD":"0.1785000000"}}},"termAttributes":{}}},
           "SKUW":{"SKUW.T":{"priceDimensions":{"SKUW.T.D":{"unit":"Hrs","pricePerUnit":{"USD":"0.3625000000"}}},"termAttributes":{}}}},
          "Reserved":{
           "SKUG":{"SKUG.R":{"priceDimensions":{"SKUG.R.D":{"unit":"Hrs","pricePerUnit":{"USD":"0.0914000000"}}},
             "termAttributes":{"LeaseContractLength":"1yr","OfferingClass":"standard","PurchaseOption":"No Upfront"}}},
           "SKUI":{"SKUI.R":{"priceDimensions":{"SKUI.R.D":{"unit":"Hrs","pricePerUnit":{"USD":"0.1125000000"}}},
             "termAttributes":{"LeaseContractLength":"1yr","OfferingClass":"standard","PurchaseOption":"No Upfront"}}}}}}
        """;
  }

  @Test
  void importsAnOfferFileAndReportsUseItForReservedPricing() throws Exception {
    Path offer = dir.resolve("index.json");
    Files.writeString(offer, offer());
    Path catalog = dir.resolve("prices.csv");
    CliRun imp = CliRun.of("prices", "import", offer.toString(), "--out", catalog.toString());
    assertThat(imp.err()).isEmpty();
    assertThat(imp.exit()).isZero();
    assertThat(imp.out()).isEqualTo("imported 2 instance types (2 on-demand, 2 reserved-1y prices) from 3 products into "
        + catalog + System.lineSeparator());
    assertThat(Files.readString(catalog)).contains("c7g.xlarge,4,8192,arm64,aws,,,,,,,0.0914,us-east-1,reserved-1y");

    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    Path out = dir.resolve("out");
    CliRun rep = CliRun.of("report", records.toString(), "--out", out.toString(), "--format", "md",
        "--prices", catalog.toString(), "--pricing", "reserved-1y");
    assertThat(rep.exit()).isZero();
    // c7a is not in the imported catalog and the embedded one has no reserved prices.
    assertThat(rep.err()).isEqualTo("archbench: warning: " + records.resolve("c7a.json")
        + ": no reserved-1y price for c7a.xlarge (import one with 'archbench prices import'); c7a.xlarge is shown"
        + " without price-performance" + System.lineSeparator());
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("Pricing: **reserved-1y**").contains("| c7g.xlarge | aarch64 | $0.0914 |")
        .contains("--prices catalog: AWS Price List bulk offer file index.json");
  }

  @Test
  void spotPricingUsesTheSpotPriceHistoryJson() throws Exception {
    Path spot = dir.resolve("spot.json");
    Files.writeString(spot, """
        {"SpotPriceHistory": [
          {"AvailabilityZone": "us-east-1a", "InstanceType": "c7g.xlarge", "ProductDescription": "Linux/UNIX",
           "SpotPrice": "0.058000", "Timestamp": "2026-11-27T08:00:00+00:00"},
          {"AvailabilityZone": "us-east-1b", "InstanceType": "c7i.xlarge", "ProductDescription": "Linux/UNIX",
           "SpotPrice": "0.071000", "Timestamp": "2026-11-27T06:00:00+00:00"}]}
        """);
    Path records = Files.createDirectories(dir.resolve("records"));
    ReportFixtureRecords.writeThree(records);
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("report", records.toString(), "--out", out.toString(), "--format", "md",
        "--pricing", "spot", "--spot-prices", spot.toString());
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("no spot price for c7a.xlarge in spot price history spot.json");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md).contains("Pricing: **spot**").contains("| c7g.xlarge | aarch64 | $0.058 |")
        .contains("| c7i.xlarge | x86\\_64 | $0.071 |");
    CliRun bad = CliRun.of("report", records.toString(), "--out", out.toString(), "--pricing", "spot",
        "--spot-prices", records.resolve("c7g.json").toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("not spot price history");
  }

  @Test
  void badOfferFilesFailWithOneLine() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"offerCode\":\"AmazonEC2\",\"products\":{");
    CliRun r = CliRun.of("prices", "import", bad.toString(), "--out", dir.resolve("x.csv").toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).startsWith("archbench: " + bad + ": not valid JSON").hasLineCount(1);
    assertThat(CliRun.of("prices").exit()).isEqualTo(2);
    assertThat(CliRun.of("prices", "import", dir.resolve("none.json").toString()).err()).contains("no such file");
  }
}
