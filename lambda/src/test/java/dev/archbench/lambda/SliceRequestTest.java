package dev.archbench.lambda;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SliceRequestTest {
  private final ObjectMapper json = new ObjectMapper();

  private SliceRequest parse(String event) {
    return SliceRequest.parse(event.getBytes(UTF_8), json);
  }

  @Test
  void aFullEventBecomesTheRunsArguments() {
    SliceRequest r = parse("""
        {"workloads": "compression", "include": ["compression/zstd.compress$", "lz4"], "sliceSeconds": 90,
         "label": "lambda-arm64-1769", "profile": "smoke"}""");
    assertThat(r.runArguments(Duration.ofSeconds(90), Path.of("/tmp/out"), Path.of("/tmp/work")))
        .containsExactly("run", "--profile", "smoke", "--workloads", "compression",
            "--include", "compression/zstd.compress$", "--include", "lz4", "--label", "lambda-arm64-1769",
            "--budget", "90s", "--out", "/tmp/out", "--work-dir", "/tmp/work", "--progress", "plain");
  }

  @Test
  void coldAndWarmInvocationsShareTheirLabel() {
    SliceRequest r = parse("{\"workloads\": \"web\", \"label\": \"lambda-x86_64-1024\"}");
    assertThat(r.runArguments(Duration.ofSeconds(60), Path.of("/o"), Path.of("/w")))
        .containsSequence("--label", "lambda-x86_64-1024");
  }

  @Test
  void onlyWorkloadsIsRequired() {
    SliceRequest r = parse("{\"workloads\": \"compression\", \"include\": \"zstd\"}");
    assertThat(r).isEqualTo(new SliceRequest("compression", java.util.List.of("zstd"), 120, "lambda", "quick"));
  }

  @Test
  void theBudgetIsTheSliceUnlessTheDeadlineIsNearer() {
    SliceRequest r = parse("{\"workloads\": \"compression\", \"sliceSeconds\": 120}");
    assertThat(r.budget(Duration.ofSeconds(900), Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(120));
    assertThat(r.budget(Duration.ofSeconds(100), Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(55));
    assertThatThrownBy(() -> r.budget(Duration.ofSeconds(50), Duration.ofSeconds(45)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only 50 s left in this invocation, 45 s of them kept for the response: raise the function's timeout");
  }

  @Test
  void badEventsAreOneLineErrors() {
    assertThatThrownBy(() -> parse("not json")).hasMessageStartingWith("event: not JSON: ");
    assertThatThrownBy(() -> parse("[1]")).hasMessageStartingWith("event: expected a JSON object");
    assertThatThrownBy(() -> parse("{}")).hasMessage("event: \"workloads\" must name workloads, e.g. \"compression\"");
    assertThatThrownBy(() -> parse("{\"workloads\": \"x; rm -rf /\"}")).hasMessageStartingWith("event: \"workloads\"");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"sliceSeconds\": 901}"))
        .hasMessage("event: \"sliceSeconds\" must be from 1 to 840");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"sliceSeconds\": \"soon\"}"))
        .hasMessage("event: \"sliceSeconds\" must be a whole number");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"include\": [\"(\"]}"))
        .hasMessage("event: \"include\" has a bad pattern: (");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"label\": \"a b\"}"))
        .hasMessageStartingWith("event: \"label\" must be");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"profile\": \"fast\"}"))
        .hasMessage("event: \"profile\" must be smoke, quick, standard or full");
    assertThatThrownBy(() -> parse("{\"workloads\": \"web\", \"budget\": \"1h\"}"))
        .hasMessage("event: unknown field \"budget\" (known: include, label, profile, sliceSeconds, workloads)");
  }
}
