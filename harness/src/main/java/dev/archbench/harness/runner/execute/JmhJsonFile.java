package dev.archbench.harness.runner.execute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;

/**
 * {@code <run-id>.jmh.json}: JMH's own JSON result format (what {@code -rf json} writes, readable by
 * jmh-visualizer and other JMH tools) for every JMH benchmark of the run so far. Rewritten
 * atomically after each benchmark, before the record (so a crash in between leaves an entry that
 * the resumed run replaces, never a record result without its JMH entry); a resumed run continues
 * the array.
 */
public final class JmhJsonFile {
  private final Path file;
  private final ArrayNode all;

  private JmhJsonFile(Path file, ArrayNode all) {
    this.file = file;
    this.all = all;
  }

  /** Continues the file if it exists (resume), else starts an empty array. */
  public static JmhJsonFile open(Path file) {
    ArrayNode all = Json.mapper().createArrayNode();
    if (Files.exists(file)) {
      try {
        JsonNode existing = Json.mapper().readTree(file.toFile());
        if (existing != null && existing.isArray()) {
          all.addAll((ArrayNode) existing);
        }
      } catch (IOException e) {
        // unreadable leftovers of a crash: start again rather than fail the resume
      }
    }
    return new JmhJsonFile(file, all);
  }

  /** Adds the JMH entry of an outcome, if it has one (archbench's JMH or a user jar's). */
  public void append(Outcome outcome) {
    if (outcome.jmh() != null) {
      append(outcome.jmh());
    } else if (outcome.jmhJson() != null) {
      add(outcome.jmhJson());
      write();
    }
  }

  public void append(RunResult result) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(List.of(result));
    }
    try {
      JsonNode node = Json.mapper().readTree(bytes.toString(StandardCharsets.UTF_8));
      if (node != null && node.isArray()) {
        node.forEach(this::add);
      }
    } catch (IOException e) {
      throw new IllegalStateException("JMH wrote JSON that cannot be read back", e);
    }
    write();
  }

  private void add(JsonNode entry) {
    // A re-run after a crash replaces the earlier entry of the same benchmark.
    for (int i = all.size() - 1; i >= 0; i--) {
      if (identity(all.get(i)).equals(identity(entry))) {
        all.remove(i);
      }
    }
    all.add(entry);
  }

  /** Benchmark, mode, threads and parameters: the JMH counterpart of a result's key. */
  private static String identity(JsonNode entry) {
    return entry.path("benchmark").asText() + "|" + entry.path("mode").asText() + "|"
        + entry.path("threads").asText() + "|" + entry.path("params");
  }

  public void write() {
    RecordFiles.writeAtomically(file, Json.write(all));
  }
}
