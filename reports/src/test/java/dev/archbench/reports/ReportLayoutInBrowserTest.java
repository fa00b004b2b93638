package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.format.ReportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing clipped or overflowing: the one-host report and a three-host report (one an accelerator
 * type) measured in headless Chromium at a desktop and a phone width, and a negative control that
 * proves the measurement catches a clipped chart label and an overflowing line. With
 * {@code -Darchbench.screenshots=DIR} it also writes the screenshots kept in {@code docs/}.
 */
class ReportLayoutInBrowserTest {
  static final int[] WIDTHS = {1280, 390};
  @TempDir Path dir;

  static String oneHost() {
    return Reports.render(Reports.analyze(Fixtures.oneHost(), List.of(), ReportOptions.defaults()
        .withTargetLoads(List.of(TargetLoad.parse("web:json=250000rps@p99<10ms")))), ReportFormat.Type.HTML);
  }

  static String threeHosts() {
    return Reports.render(Reports.analyze(Fixtures.threeHostsWithAccelerator(), List.of(),
        ReportOptions.defaults().withBaseline("c7i.xlarge").withTargetLoads(List.of(
            TargetLoad.parse("web:json=250000rps@p99<10ms")))), ReportFormat.Type.HTML);
  }

  List<String> layoutProblems(Chromium chromium, String html, int width, String name) throws Exception {
    Path page = dir.resolve(name + "-" + width + ".html");
    Files.writeString(page, LayoutCheck.instrument(html));
    Chromium.Run run = chromium.load(page, dir.resolve("run-" + name + "-" + width),
        List.of("--window-size=" + width + ",1000", "--dump-dom"));
    assertThat(run.exit()).isZero();
    assertThat(run.console()).isEmpty();
    return LayoutCheck.problems(run.stdout());
  }

  @Test
  void nothingIsClippedOrOverflowsOnADesktopOrAPhone() throws Exception {
    Chromium chromium = Chromium.require();
    for (int width : WIDTHS) {
      assertThat(layoutProblems(chromium, oneHost(), width, "one-host")).as("one host at " + width + " px").isEmpty();
      assertThat(layoutProblems(chromium, threeHosts(), width, "three-hosts")).as("three hosts at " + width + " px")
          .isEmpty();
      assertThat(layoutProblems(chromium, HtmlInBrowserTest.report(), width, "fixture"))
          .as("the golden fixture with hostile labels at " + width + " px").isEmpty();
    }
  }

  /** The check works: a label drawn past the chart's left edge and an unbreakable line are caught. */
  @Test
  void theLayoutCheckCatchesAClippedLabelAndAnOverflowingLine() throws Exception {
    Chromium chromium = Chromium.require();
    String clipped = threeHosts().replaceFirst("(<svg class=\"chart\"[^>]*>)",
        "$1<text x=\"20\" y=\"40\" text-anchor=\"end\">6e1ddd87ead5a975</text>")
        .replace("</footer>", "</footer><p style=\"overflow-wrap:normal\">" + "x".repeat(300) + "</p>");
    List<String> problems = layoutProblems(chromium, clipped, 1280, "clipped");
    assertThat(problems).anyMatch(p -> p.startsWith("svg text \"6e1ddd87ead5a975\""));
    assertThat(problems).anyMatch(p -> p.contains("content is") && p.startsWith("p "));
  }

  /**
   * The print style shows what the screen folds away: the PDF has as many pages as the same page
   * with every {@code <details>} replaced by an open block.
   */
  @Test
  void printingShowsTheCollapsedDetails() throws Exception {
    Chromium chromium = Chromium.require();
    String html = threeHosts();
    String unfolded = html.replace("<details>", "<div>").replace("</details>", "</div>")
        .replace("<summary>", "<p>").replace("</summary>", "</p>");
    int folded = pdfPages(chromium, html, "folded");
    assertThat(folded).isGreaterThan(3).isEqualTo(pdfPages(chromium, unfolded, "unfolded"));
  }

  int pdfPages(Chromium chromium, String html, String name) throws Exception {
    Path page = dir.resolve(name + ".html");
    Files.writeString(page, html);
    Path pdf = dir.resolve(name + ".pdf");
    Chromium.Run run = chromium.load(page, dir.resolve("pdf-" + name), List.of("--print-to-pdf=" + pdf,
        "--no-pdf-header-footer"));
    assertThat(run.exit()).isZero();
    String text = Files.readString(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
    return text.split("/Type /Page\\b|/Type/Page(?!s)", -1).length - 1;
  }

  /** Screenshots of both reports at both widths, kept in docs/ when asked for. */
  @Test
  void screenshotsOfTheOneHostAndTheThreeHostReport() throws Exception {
    Chromium chromium = Chromium.require();
    String target = System.getProperty("archbench.screenshots");
    for (String name : List.of("one-host", "three-hosts")) {
      Path page = dir.resolve("report-" + name + ".html");
      Files.writeString(page, name.equals("one-host") ? oneHost() : threeHosts());
      if (target != null && !target.isBlank() && Boolean.getBoolean("archbench.screenshots.html")) {
        Files.createDirectories(Path.of(target));
        Files.copy(page, Path.of(target).resolve(page.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      for (int width : WIDTHS) {
        Path png = dir.resolve("report-" + name + "-" + width + ".png");
        Chromium.Run run = chromium.load(page, dir.resolve("shot-" + name + width),
            List.of("--window-size=" + width + "," + (width > 1000 ? 1800 : 2400), "--screenshot=" + png));
        assertThat(run.exit()).isZero();
        assertThat(run.console()).isEmpty();
        assertThat(run.pageRequests()).isEmpty();
        assertThat(Files.size(png)).isGreaterThan(10_000);
        if (target != null && !target.isBlank()) {
          Files.createDirectories(Path.of(target));
          Files.copy(png, Path.of(target).resolve(png.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
