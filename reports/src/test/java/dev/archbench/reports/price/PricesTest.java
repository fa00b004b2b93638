package dev.archbench.reports.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricesTest {
  static InputStream resource(String name) {
    InputStream in = PricesTest.class.getResourceAsStream("/prices/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  static String text(String name) throws Exception {
    try (InputStream in = resource(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void embeddedCatalogHasEveryRowWithSpecsAndItsAttributionBesideIt() throws Exception {
    PriceCatalog c = PriceCatalog.embedded();
    assertThat(c.entries()).hasSize(1367);
    CatalogEntry g = c.find("c7g.xlarge", "us-east-1", PricingModel.ON_DEMAND).orElseThrow();
    assertThat(g.usdPerHour()).isEqualTo(0.145);
    assertThat(g.vcpu()).isEqualTo(4);
    assertThat(g.arch()).isEqualTo("arm64");
    assertThat(c.find("inf2.xlarge", "us-east-1", PricingModel.ON_DEMAND).orElseThrow().acceleratorName())
        .isEqualTo("inferentia2");
    assertThat(c.date()).isEqualTo("2026-07-20");
    try (InputStream in = PriceCatalog.class.getResourceAsStream("/dev/archbench/reports/prices/ATTRIBUTION.md")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .contains("Apache-2.0").contains("Karpenter, Copyright Amazon.com");
    }
  }

  @Test
  void offerFileImportKeepsLinuxSharedUsedCapacityOnDemandAndOneYearNoUpfrontStandard() throws Exception {
    OfferFileImporter.Imported imp;
    try (InputStream in = resource("offer-ec2-eu-west-1.json")) {
      imp = OfferFileImporter.read("offer-ec2-eu-west-1.json", in);
    }
    assertThat(imp.productsSeen()).isEqualTo(10);
    assertThat(imp.productsKept()).isEqualTo(4);
    PriceCatalog c = imp.catalog();
    assertThat(c.date()).isEqualTo("2026-11-20T00:00:00Z");
    assertThat(c.source()).contains("offer-ec2-eu-west-1.json").contains("20261120000000");
    assertThat(c.entries()).extracting(e -> e.instanceType() + " " + e.pricingModel() + " " + e.usdPerHour())
        .containsExactlyInAnyOrder(
            "c7g.xlarge on-demand 0.1632", "c7g.xlarge reserved-1y 0.1028",
            "c7i.xlarge on-demand 0.2008", "c7i.xlarge reserved-1y 0.1265",
            "c7a.xlarge on-demand 0.231", "g5.xlarge on-demand 1.123");
    CatalogEntry g = c.find("c7g.xlarge", "eu-west-1", PricingModel.ON_DEMAND).orElseThrow();
    assertThat(g.arch()).isEqualTo("arm64");
    assertThat(g.cpuManufacturer()).isEqualTo("aws");
    assertThat(g.memoryMib()).isEqualTo(8192);
    CatalogEntry g5 = c.find("g5.xlarge", "eu-west-1", PricingModel.ON_DEMAND).orElseThrow();
    assertThat(g5.gpuCount()).isEqualTo(1);
    assertThat(g5.arch()).isEqualTo("amd64");
  }

  @Test
  void importedCatalogRoundTripsThroughItsCsvFormat() throws Exception {
    PriceCatalog c;
    try (InputStream in = resource("offer-ec2-eu-west-1.json")) {
      c = OfferFileImporter.read("offer.json", in).catalog();
    }
    String csv = CatalogCsv.write(c);
    assertThat(csv.lines().limit(3)).containsExactly(
        "# source: " + c.source(), "# date: 2026-11-20T00:00:00Z", String.join(",", CatalogCsv.COLUMNS));
    assertThat(csv).contains("\nc7g.xlarge,4,8192,arm64,aws,,,,,,,0.1028,eu-west-1,reserved-1y\n");
    PriceCatalog back = CatalogCsv.parse("x.csv", csv, null);
    assertThat(back.entries()).containsExactlyInAnyOrderElementsOf(c.entries());
    assertThat(back.source()).isEqualTo(c.source());
    assertThat(CatalogCsv.write(back)).isEqualTo(csv);
  }

  @Test
  void badCatalogsAndOfferFilesGiveOneLineNamingTheFile() {
    assertThatThrownBy(() -> CatalogCsv.parse("p.csv", "instance_type,usd_per_hour\nc7g.xlarge,abc\n", null))
        .hasMessage("p.csv: line 2: For input string: \"abc\"");
    assertThatThrownBy(() -> CatalogCsv.parse("p.csv", "instance_type,usd_per_hour\nc7g.xlarge,-1\n", null))
        .hasMessage("p.csv: line 2: usd_per_hour must be a finite non-negative number");
    assertThatThrownBy(() -> CatalogCsv.parse("p.csv", "hello,world\n", null))
        .hasMessageStartingWith("p.csv: not a price catalog");
    assertThatThrownBy(() -> OfferFileImporter.read("cut.json",
        new ByteArrayInputStream("{\"offerCode\":\"AmazonEC2\",\"products\":{\"A\":{\"sku\":".getBytes(StandardCharsets.UTF_8))))
        .hasMessageStartingWith("cut.json: not valid JSON").hasMessageNotContaining("\n");
    assertThatThrownBy(() -> OfferFileImporter.read("s3.json",
        new ByteArrayInputStream("{\"offerCode\":\"AmazonS3\",\"products\":{}}".getBytes(StandardCharsets.UTF_8))))
        .hasMessage("s3.json: offer file is for AmazonS3, not AmazonEC2");
  }

  @Test
  void spotPricesTakeTheLatestLinuxPricePerZoneAndTheMedianOverZones() throws Exception {
    SpotPrices s = SpotPrices.parse("spot.json", text("spot-history.json"));
    assertThat(s.price("c7g.xlarge", "us-east-1", "us-east-1a")).contains(0.058);
    assertThat(s.price("c7g.xlarge", "us-east-1", "us-east-1f")).contains((0.058 + 0.064) / 2);
    assertThat(s.price("c7i.xlarge", "us-east-1", null)).contains(0.079);
    assertThat(s.price("c7i.xlarge", "eu-west-1", null)).isEmpty();
    assertThat(s.price("m7g.large", "us-east-1", null)).isEmpty();
    assertThat(s.date()).isEqualTo("2026-11-27T08:00:00+00:00");
    assertThatThrownBy(() -> SpotPrices.parse("x.json", "{\"Reservations\":[]}"))
        .hasMessageStartingWith("x.json: not spot price history");
  }

  @Test
  void resolverPrefersManualPricesThenTheUserCatalogAndSaysWhenItFallsBackToAnotherRegion() throws Exception {
    PriceCatalog user;
    try (InputStream in = resource("offer-ec2-eu-west-1.json")) {
      user = OfferFileImporter.read("offer.json", in).catalog();
    }
    PriceResolver r = new PriceResolver(List.of(ManualPrice.parse("laptop=0.05")), user, PriceCatalog.embedded(),
        null, PricingModel.ON_DEMAND);
    assertThat(r.resolve(List.of("laptop"), null, null, null).usdPerHour()).isEqualTo(0.05);
    assertThat(r.resolve(List.of("ci"), null, null, null).problem())
        .isEqualTo("not an EC2 instance and no --price given for it");
    assertThat(r.resolve(List.of(), "c7g.xlarge", "eu-west-1", null).usdPerHour()).isEqualTo(0.1632);
    HostPrice useast = r.resolve(List.of(), "c7g.xlarge", "us-east-1", null);
    assertThat(useast.usdPerHour()).isEqualTo(0.145);
    assertThat(useast.note()).isNull();
    HostPrice tokyo = r.resolve(List.of(), "c7g.xlarge", "ap-northeast-1", null);
    assertThat(tokyo.note()).isEqualTo("priced at eu-west-1 (no on-demand price for ap-northeast-1)");
    assertThat(r.resolve(List.of(), "c99z.mega", "us-east-1", null).problem())
        .isEqualTo("unknown instance type c99z.mega (not in the price catalog)");

    PriceResolver reserved = new PriceResolver(List.of(), user, PriceCatalog.embedded(), null, PricingModel.RESERVED_1Y);
    assertThat(reserved.resolve(List.of(), "c7i.xlarge", "eu-west-1", null).usdPerHour()).isEqualTo(0.1265);
    assertThat(reserved.resolve(List.of(), "c7a.xlarge", "eu-west-1", null).problem())
        .isEqualTo("no reserved-1y price for c7a.xlarge (import one with 'archbench prices import')");

    PriceResolver spot = new PriceResolver(List.of(), null, PriceCatalog.embedded(),
        SpotPrices.parse("spot.json", text("spot-history.json")), PricingModel.SPOT);
    assertThat(spot.resolve(List.of(), "c7g.xlarge", "us-east-1", "us-east-1a").usdPerHour()).isEqualTo(0.058);
  }

  @Test
  void manualPricesAreValidated() {
    assertThat(ManualPrice.parse("my=laptop=0.5")).isEqualTo(new ManualPrice("my=laptop", 0.5));
    assertThatThrownBy(() -> ManualPrice.parse("laptop")).hasMessageContaining("LABEL=USD_PER_HOUR");
    assertThatThrownBy(() -> ManualPrice.parse("laptop=-1")).hasMessageContaining("positive");
    assertThatThrownBy(() -> ManualPrice.parse("laptop=NaN")).hasMessageContaining("positive");
  }

  @Test
  void csvFieldsAreQuotedAndFormulasDefused() {
    assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Csv.field("-12.5")).isEqualTo("-12.5");
    assertThat(Csv.split("a,\"b,c\",\"d\"\"e\"")).containsExactly("a", "b,c", "d\"e");
  }
}
