package dev.archbench.harness.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedSectionsTest {
  @Test
  void replacesOnlyTheMarkedSections() {
    String text = "intro\n<!-- BEGIN generated:a -->\nold\n<!-- END generated:a -->\nmiddle\n"
        + "<!-- BEGIN generated:b -->\n<!-- END generated:b -->\nend\n";
    String out = GeneratedSections.regenerate(text, Map.of("a", "new $1 \\ text", "b", "| x |\n"));
    assertThat(out).isEqualTo("intro\n<!-- BEGIN generated:a -->\nnew $1 \\ text\n<!-- END generated:a -->\nmiddle\n"
        + "<!-- BEGIN generated:b -->\n| x |\n<!-- END generated:b -->\nend\n");
    assertThat(GeneratedSections.regenerate(out, Map.of("a", "new $1 \\ text", "b", "| x |\n"))).isEqualTo(out);
  }

  @Test
  void unknownSectionIsAnError() {
    assertThatThrownBy(() -> GeneratedSections.regenerate("<!-- BEGIN generated:zz -->\n<!-- END generated:zz -->", Map.of()))
        .hasMessage("unknown generated section 'zz'");
  }
}
