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
 * compression ratio (metrics). The runner names a notes file per benchmark in the fork's
 * {@link ForkContext}; each note is appended to it as one JSON line, and the runner merges them into
 * the result's {@code attributes}, {@code secondary} and {@code subject}. Without a notes file (outside
 * a run), notes are dropped.
 */
public final class ResultNotes {
  /** Benchmark threads of one fork append to the same file; one line must not interleave with another. */
  private static final Object LOCK = new Object();

  private final Path file;

  private ResultNotes(Path file) {
    this.file = file;
  }

  /** The notes of this JVM's benchmark ({@link ForkContext#current()}). */
  public static ResultNotes current() {
    return of(ForkContext.current());
  }

  /** The notes file of {@code fork}, for code that was handed its context. */
  public static ResultNotes of(ForkContext fork) {
    return new ResultNotes(fork.notesFile());
  }

  /** A fact about what ran, e.g. {@code implementation=zstd-jni 1.5.7-4 (native)}. */
  public void attribute(String name, String value) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "attribute").put("name", name).put("value", value);
    append(n);
  }

  /** A secondary value measured outside the timed part, e.g. {@code ratio} 3.2. */
  public void metric(String name, String unit, boolean higherIsBetter, double value) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "metric").put("name", name).put("unit", unit)
        .put("higherIsBetter", higherIsBetter).put("value", value);
    append(n);
  }

  /** The model or corpus the benchmark works on (typed in the record: {@link Subject}). */
  public void subject(Subject subject) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("kind", "subject").set("value", Json.mapper().valueToTree(subject));
    n.put("name", subject.name());
    append(n);
  }

  private void append(ObjectNode note) {
    if (file == null) {
      return;
    }
    synchronized (LOCK) {
      try {
        Files.writeString(file, note.toString() + "\n", StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write result notes to " + file, e);
      }
    }
  }
}
