package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.format.ReportFormat;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report in headless Chromium: renders, draws its charts, logs nothing, fetches nothing. */
class HtmlInBrowserTest {
  @TempDir Path dir;

  Path page(String html) throws Exception {
    Path p = dir.resolve("page-" + Integer.toHexString(html.hashCode()) + ".html");
    Files.writeString(p, html);
    return p;
  }

  static String report() {
    List<LoadedRecord> recs = new java.util.ArrayList<>(Fixtures.real());
    recs.add(Fixtures.hostile());
    return Reports.render(Reports.analyze(recs, List.of(), ReportOptions.defaults().withBaseline("c7i.xlarge")
        .withTargetLoads(List.of(TargetLoad.parse("web:json=250000rps@p99<10ms"), TargetLoad.parse("inference:mlp=100k ips@p99<100ms")))), ReportFormat.Type.HTML);
  }

  @Test
  void reportRendersWithItsChartsWithoutConsoleMessagesOrRequests() throws Exception {
    Chromium chromium = Chromium.require();
    String html = report();
    Chromium.Run run = chromium.load(page(html), dir.resolve("dom"), List.of("--dump-dom"));
    assertThat(run.exit()).isZero();
    assertThat(run.console()).isEmpty();
    assertThat(run.pageRequests()).isEmpty();
    String dom = run.stdout();
    int charts = html.split("<svg class=\"chart\"", -1).length - 1;
    assertThat(charts).isGreaterThan(10);
    assertThat(dom.split("<svg class=\"chart\"", -1).length - 1).isEqualTo(charts);
    assertThat(dom).contains("<h2>Thread scaling</h2>").contains("Latency percentiles")
        .contains("Capacity planning").contains("Hosts");
    // The hostile label arrived as text, not as elements.
    assertThat(dom).doesNotContain("<script").doesNotContain("<img");
  }

  @Test
  void screenshotsShowTheChartsOnADesktopAndAPhone() throws Exception {
    Chromium chromium = Chromium.require();
    Path page = page(report());
    for (int[] size : new int[][] {{1200, 3000}, {390, 2400}}) {
      Path png = dir.resolve("shot-" + size[0] + ".png");
      Chromium.Run run = chromium.load(page, dir.resolve("shot" + size[0]),
          List.of("--window-size=" + size[0] + "," + size[1], "--screenshot=" + png));
      assertThat(run.exit()).isZero();
      assertThat(run.console()).isEmpty();
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(img.getWidth()).isEqualTo(size[0]);
      // Bars are drawn in the palette colours (at 75% opacity on white): count those pixels.
      int coloured = 0;
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          int rgb = img.getRGB(x, y) & 0xffffff;
          int r = rgb >> 16;
          int g = (rgb >> 8) & 0xff;
          int b = rgb & 0xff;
          if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
            coloured++;
          }
        }
      }
      assertThat(coloured).as("saturated pixels of charts at width " + size[0]).isGreaterThan(5000);
    }
  }

  @Test
  void printsToPdf() throws Exception {
    Chromium chromium = Chromium.require();
    Path pdf = dir.resolve("report.pdf");
    Chromium.Run run = chromium.load(page(report()), dir.resolve("pdf"), List.of("--print-to-pdf=" + pdf,
        "--no-pdf-header-footer"));
    assertThat(run.exit()).isZero();
    assertThat(Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    assertThat(Files.size(pdf)).isGreaterThan(20_000);
  }

  /** A run of variants: its forest plot of ratios renders, with the numbers beside it. */
  @Test
  void variantsDrawAForestPlotOfRatios() throws Exception {
    Chromium chromium = Chromium.require();
    String html = Reports.render(Reports.analyze(List.of(Fixtures.variants()), List.of(),
        ReportOptions.defaults().withAllowNoisy(true)), ReportFormat.Type.HTML);
    Chromium.Run run = chromium.load(page(html), dir.resolve("variants"), List.of("--dump-dom"));
    assertThat(run.exit()).isZero();
    assertThat(run.console()).isEmpty();
    assertThat(run.pageRequests()).isEmpty();
    String dom = run.stdout();
    int section = dom.indexOf("<section id=\"variants\">");
    assertThat(section).isPositive();
    String variants = dom.substring(section, dom.indexOf("</section>", section));
    assertThat(variants).contains("<h2>Variants on one host</h2>").contains("<svg class=\"chart\"")
        .contains("interpreted").contains("same");
  }

  /** The detectors work: a page that logs and fetches is caught, and the CSP blocks the fetch. */
  @Test
  void consoleAndRequestDetectionCatchAMisbehavingPage() throws Exception {
    Chromium chromium = Chromium.require();
    String bad = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title></head><body>"
        + "<img src=\"http://127.0.0.1:9/x.png\"><script>console.error('from-page')</script></body></html>";
    Chromium.Run run = chromium.load(page(bad), dir.resolve("bad"), List.of("--dump-dom"));
    assertThat(run.console()).anyMatch(l -> l.contains("from-page"));
    assertThat(run.pageRequests()).containsExactly("http://127.0.0.1:9/x.png");

    String withCsp = bad.replace("<title>", "<meta http-equiv=\"Content-Security-Policy\" content=\""
        + "default-src 'none'; style-src 'unsafe-inline'; img-src data:\"><title>");
    Chromium.Run blocked = chromium.load(page(withCsp), dir.resolve("csp"), List.of("--dump-dom"));
    assertThat(blocked.pageRequests()).isEmpty();
    assertThat(blocked.console()).anyMatch(l -> l.contains("Content Security Policy"));
  }
}
