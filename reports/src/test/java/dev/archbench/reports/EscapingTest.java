package dev.archbench.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.reports.format.Fmt;
import dev.archbench.reports.format.ReportFormat;
import dev.archbench.reports.price.ManualPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Hostile labels, benchmark names and parameters must neither run nor break the page or the table. */
class EscapingTest {
  static Analysis withHostile() {
    List<LoadedRecord> recs = new ArrayList<>(Fixtures.real());
    recs.add(Fixtures.hostile());
    return Reports.analyze(recs, List.of(), ReportOptions.defaults().withBaseline("c7i.xlarge")
        .withPrices(List.of(ManualPrice.parse("<script>alert(1)</script>|`rm -rf`|**x**<img src=x onerror=alert(2)>=0.1"))));
  }

  @Test
  void htmlHasNoMarkupFromRecords() {
    String html = Reports.render(withHostile(), ReportFormat.Type.HTML);
    assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
        .doesNotContain("<svg onload").doesNotContain("</h2><script");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;|`rm -rf`|**x**&lt;img src=x onerror=alert(2)&gt;");
    // The only elements are the ones the report writes.
    Matcher m = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)").matcher(html);
    java.util.Set<String> tags = new java.util.TreeSet<>();
    while (m.find()) {
      tags.add(m.group(1).toLowerCase(java.util.Locale.ROOT));
    }
    assertThat(tags).isSubsetOf("html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
        "b", "nav", "ul", "li", "a", "section", "figure", "svg", "text", "tspan", "rect", "path", "circle", "div",
        "table", "thead", "tbody", "tr", "th", "td", "span", "footer", "br", "code", "details", "summary", "figcaption",
        "strong");
    assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("url(");
  }

  @Test
  void markdownTablesKeepTheirColumnsAndNothingRendersAsHtml() {
    String md = Reports.render(withHostile(), ReportFormat.Type.MARKDOWN);
    assertThat(md).doesNotContain("<script").doesNotContain("<img");
    // Backticks would open code spans: every one from a record is escaped.
    assertThat(md.replace("\\`", "")).doesNotContain("`");
    for (String line : md.lines().toList()) {
      if (line.startsWith("|")) {
        String header = md.lines().filter(l -> l.startsWith("|")).findFirst().orElseThrow();
        // Unescaped pipes delimit cells; every table row of a table has as many as its header.
        int cells = line.replace("\\|", "").split("\\|", -1).length;
        assertThat(cells).as(line).isGreaterThanOrEqualTo(3);
      }
    }
    List<String> lines = md.lines().toList();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).startsWith("|---")) {
        int expected = lines.get(i).split("\\|", -1).length;
        for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("|"); j++) {
          assertThat(lines.get(j).replace("\\|", "").split("\\|", -1).length).as(lines.get(j)).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void csvQuotesAndDefusesHostileFields() {
    String csv = Reports.render(withHostile(), ReportFormat.Type.CSV);
    assertThat(csv.lines().skip(1)).allMatch(l -> l.startsWith("compression,") || l.startsWith("inference,")
        || l.startsWith("selftest,")
        || l.startsWith("web,") || l.startsWith("web</h2>"));
  }

  @Test
  void escapersCoverTheDangerousCharacters() {
    assertThat(Fmt.html("<a href='x'>&\"")).isEqualTo("&lt;a href=&#39;x&#39;&gt;&amp;&quot;");
    assertThat(Fmt.md("a|b`c*d_e[f]g<h>\ni")).isEqualTo("a\\|b\\`c\\*d\\_e\\[f\\]g&lt;h&gt; i");
  }
}
