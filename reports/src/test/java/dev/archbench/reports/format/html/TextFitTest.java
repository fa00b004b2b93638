package dev.archbench.reports.format.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Labels in the charts wrap to their width, measured as the browser would. */
class TextFitTest {
  @Test
  void textIsWrappedToFitItsWidth() {
    String label = "zstd.compress blockSize=65536 codec=zstd corpus=json-logs level=19 @64";
    List<String> lines = TextFit.wrap(label, 13, true, 200, 5);
    assertThat(lines.size()).isGreaterThan(1);
    assertThat(lines).allMatch(l -> TextFit.width(l, 13, true) <= 200);
    assertThat(String.join(" ", lines).replace(" ", "")).isEqualTo(label.replace(" ", ""));
    // A host id without spaces breaks anywhere; past the last line an ellipsis says something is left out.
    List<String> id = TextFit.wrap("6e1ddd87ead5a9756e1ddd87ead5a975", 12, false, 80, 2);
    assertThat(id).hasSize(2).allMatch(l -> TextFit.width(l, 12, false) <= 80);
    assertThat(id.get(1)).endsWith("…");
  }
}
