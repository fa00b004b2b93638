package dev.archbench.workload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.record.Json;
import dev.archbench.record.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How benchmark code running in a forked JVM tells the runner facts that JMH has no place for: which
 * implementation actually ran (attributes) and values measured outside the timed part, such as a
 * compression ratio (metrics). The runner sets system property {@value #FILE_PROPERTY} to a file per
 * benchmark; each note is appended to it as one JSON line, and the runner merges them into the
 * result's {@code attributes}, {@code secondary} and {@code subject}. Without the property, notes are dropped.
 */
public final class ResultNotes {
  public static final String FILE_PROPERTY = "archbench.notes";

  private ResultNotes() {}

  /** A fact about what ran, e.g. {@code implementation=zstd-jni 1.5.7-4 (native)}. */
  public static void attribute(String name, String value) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "attribute").put("name", name).put("value", value);
    append(n);
  }

  /** A secondary value measured outside the timed part, e.g. {@code ratio} 3.2. */
  public static void metric(String name, String unit, boolean higherIsBetter, double value) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "metric").put("name", name).put("unit", unit)
        .put("higherIsBetter", higherIsBetter).put("value", value);
    append(n);
  }

  /** The model or corpus the benchmark works on (typed in the record: {@link Subject}). */
  public static void subject(Subject subject) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "subject").set("value", Json.mapper().valueToTree(subject));
    n.put("name", subject.name());
    append(n);
  }

  private static synchronized void append(ObjectNode note) {
    String file = System.getProperty(FILE_PROPERTY);
    if (file == null || file.isBlank()) {
      return;
    }
    try {
      Files.writeString(Path.of(file), note.toString() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write result notes to " + file, e);
    }
  }
}
