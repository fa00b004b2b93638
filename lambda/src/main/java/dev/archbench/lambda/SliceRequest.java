package dev.archbench.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one invocation runs: the benchmark (workloads and include patterns, as {@code archbench run}
 * takes them), the profile, the longest slice and the label, from the event
 * {@code {"workloads": "compression", "include": ["compression/zstd.compress$"], "sliceSeconds": 120,
 * "label": "lambda-arm64-1024", "profile": "quick"}} (only {@code workloads} is required).
 */
record SliceRequest(String workloads, List<String> include, int sliceSeconds, String label, String profile) {
  static final int MAX_SLICE_SECONDS = 840;
  static final Duration SHORTEST_SLICE = Duration.ofSeconds(10);
  private static final Pattern WORKLOADS = Pattern.compile("[a-z0-9-]+(,[a-z0-9-]+)*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
  private static final Set<String> PROFILES = Set.of("smoke", "quick", "standard", "full");
  private static final Set<String> FIELDS = Set.of("workloads", "include", "sliceSeconds", "label", "profile");

  SliceRequest {
    if (workloads == null || !WORKLOADS.matcher(workloads).matches()) {
      throw new IllegalArgumentException("event: \"workloads\" must name workloads, e.g. \"compression\"");
    }
    for (String regex : include) {
      try {
        Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("event: \"include\" has a bad pattern: " + regex, e);
      }
    }
    if (sliceSeconds < 1 || sliceSeconds > MAX_SLICE_SECONDS) {
      throw new IllegalArgumentException("event: \"sliceSeconds\" must be from 1 to " + MAX_SLICE_SECONDS);
    }
    if (!LABEL.matcher(label).matches()) {
      throw new IllegalArgumentException("event: \"label\" must be letters, digits, '.', '_' or '-'");
    }
    if (!PROFILES.contains(profile)) {
      throw new IllegalArgumentException("event: \"profile\" must be smoke, quick, standard or full");
    }
    include = List.copyOf(include);
  }

  /** The event's JSON; IllegalArgumentException with a one-line reason when it is not a request. */
  static SliceRequest parse(byte[] json, ObjectMapper mapper) {
    JsonNode n;
    try {
      n = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("event: not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("event: expected a JSON object such as {\"workloads\": \"compression\"}");
    }
    n.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) {
        throw new IllegalArgumentException("event: unknown field \"" + f + "\" (known: " + String.join(", ",
            FIELDS.stream().sorted().toList()) + ")");
      }
    });
    List<String> include = new ArrayList<>();
    JsonNode inc = n.path("include");
    if (inc.isTextual()) {
      include.add(inc.asText());
    } else if (inc.isArray()) {
      inc.forEach(p -> include.add(p.asText()));
    } else if (!inc.isMissingNode()) {
      throw new IllegalArgumentException("event: \"include\" must be a pattern or a list of patterns");
    }
    JsonNode slice = n.path("sliceSeconds");
    if (!slice.isMissingNode() && !slice.canConvertToInt()) {
      throw new IllegalArgumentException("event: \"sliceSeconds\" must be a whole number");
    }
    return new SliceRequest(n.path("workloads").isTextual() ? n.get("workloads").asText() : null, include,
        slice.isMissingNode() ? 120 : slice.asInt(), n.path("label").asText("lambda"),
        n.path("profile").asText("quick"));
  }

  /**
   * The run's budget: the slice, but never past the invocation's deadline less {@code margin} (JVM
   * start-up of a fork in flight, reading the record, the response).
   */
  Duration budget(Duration remaining, Duration margin) {
    Duration left = remaining.minus(margin);
    Duration budget = left.compareTo(Duration.ofSeconds(sliceSeconds)) < 0 ? left : Duration.ofSeconds(sliceSeconds);
    if (budget.compareTo(SHORTEST_SLICE) < 0) {
      throw new IllegalArgumentException("only " + remaining.toSeconds() + " s left in this invocation, "
          + margin.toSeconds() + " s of them kept for the response: raise the function's timeout");
    }
    return budget;
  }

  /**
   * {@code archbench run}'s arguments for this slice. Cold and warm invocations get the same label: the
   * handler says which one it was in the record's platform, where reports look.
   */
  List<String> runArguments(Duration budget, Path out, Path workDir) {
    List<String> args = new ArrayList<>(List.of("run", "--profile", profile, "--workloads", workloads));
    for (String regex : include) {
      args.add("--include");
      args.add(regex);
    }
    args.addAll(List.of("--label", label, "--budget", budget.toSeconds() + "s",
        "--out", out.toString(), "--work-dir", workDir.toString(), "--progress", "plain"));
    return args;
  }
}
