package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CliReferenceTest {
  @Test
  void everyHelpTextRendersCleanly() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String reference;
    try {
      // picocli reports help texts it cannot format (e.g. a bare '%') on System.err.
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      reference = ReadmeCommand.cliReference();
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(reference).contains("$ archbench run --help", "$ archbench report --help", "$ archbench sysinfo --help")
        .doesNotContain("$ archbench readme --help");
  }
}
