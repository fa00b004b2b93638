package dev.archbench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.archbench.record.Json;
import dev.archbench.record.RecordFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the runner tells a forked benchmark JVM (a JMH fork or a scenario JVM): the workload options,
 * archbench's work directory and the file that collects the benchmark's {@link ResultNotes}. The
 * runner writes it as a JSON file per benchmark and passes the file's path as the fork's only
 * archbench system property, {@value #PROPERTY}.
 *
 * <p>Why a system property at all: JMH instantiates {@code @State} classes itself, so benchmark code
 * cannot be handed a context by constructor; {@link #current()} is the one place where such code
 * finds it. Code that can be handed a context takes one instead (a model or corpus loader), so tests
 * pass theirs explicitly rather than changing the JVM's.
 *
 * <p>The file lives for one benchmark and is written and read by the same archbench build, so it has
 * no format version; unknown fields are ignored.
 *
 * @param options workload options by {@link WorkloadOptions} name
 * @param workDir archbench's work directory, made absolute
 * @param notesFile where result notes go, or {@code null} to drop them
 */
public record ForkContext(Map<String, String> options, Path workDir, Path notesFile) {
  /** The system property naming the settings file of this JVM. */
  public static final String PROPERTY = "archbench.fork";

  public ForkContext {
    options = Map.copyOf(options);
    workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
    notesFile = notesFile == null ? null : notesFile.toAbsolutePath();
  }

  /** Outside a run (unit tests, tools): no options, {@code ./.archbench}, notes dropped. */
  public static ForkContext standalone() {
    return new ForkContext(Map.of(), Path.of(WorkloadOptions.DEFAULT_WORK_DIR), null);
  }

  /**
   * This JVM's context: the file named by {@value #PROPERTY}, read once, or {@link #standalone()}
   * without the property. A named file that cannot be read fails the benchmark rather than letting
   * it run without its options.
   */
  public static ForkContext current() {
    return Current.VALUE;
  }

  /** The option's value; a blank value counts as not given. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name)).filter(v -> !v.isBlank());
  }

  public ForkContext withOption(String name, String value) {
    Map<String, String> m = new TreeMap<>(options);
    m.put(name, value);
    return new ForkContext(m, workDir, notesFile);
  }

  public ForkContext withNotesFile(Path file) {
    return new ForkContext(options, workDir, file);
  }

  /** Writes this context to {@code file} (atomically) and returns the JVM argument naming it. */
  public String writeForFork(Path file) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.set("options", Json.mapper().valueToTree(new TreeMap<>(options)));
    n.put("workDir", workDir.toString());
    n.put("notesFile", notesFile == null ? null : notesFile.toString());
    RecordFiles.writeAtomically(file, Json.write(n));
    return "-D" + PROPERTY + "=" + file.toAbsolutePath();
  }

  /** Reads a file written by {@link #writeForFork}; {@code options} and {@code notesFile} may be absent. */
  public static ForkContext read(Path file) {
    try {
      JsonNode n = Json.mapper().readTree(file.toFile());
      if (n == null || !n.path("workDir").isTextual()) {
        throw new IllegalStateException(file + ": fork settings without a workDir");
      }
      Map<String, String> options = new TreeMap<>();
      n.path("options").properties().forEach(e -> options.put(e.getKey(), e.getValue().asText()));
      Path notes = n.path("notesFile").isTextual() ? Path.of(n.get("notesFile").asText()) : null;
      return new ForkContext(options, Path.of(n.get("workDir").asText()), notes);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read fork settings", e);
    }
  }

  static ForkContext fromProperty(String value) {
    return value == null || value.isBlank() ? standalone() : read(Path.of(value));
  }

  /** Lazy holder: the property is read when benchmark code first asks, then never again. */
  private static final class Current {
    static final ForkContext VALUE = fromProperty(System.getProperty(PROPERTY));
  }
}
