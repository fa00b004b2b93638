package dev.archbench.reports;

import dev.archbench.record.RecordException;
import dev.archbench.record.RecordFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads records from files and directories (recursively, {@code *.json}, in name order). A file that
 * cannot be read becomes one problem line; the others are still read.
 */
public final class RecordLoader {
  private RecordLoader() {}

  /** Records read and one line per file that could not be. */
  public record Loaded(List<LoadedRecord> records, List<String> problems) {}

  public static Loaded load(List<Path> inputs) {
    List<LoadedRecord> records = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(input)) {
          files = s.filter(p -> Files.isRegularFile(p))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList();
        } catch (IOException e) {
          problems.add(input + ": cannot list directory: " + e.getMessage());
          continue;
        } catch (UncheckedIOException e) {
          problems.add(input + ": cannot list directory: " + e.getCause().getMessage());
          continue;
        }
        if (files.isEmpty()) {
          problems.add(input + ": no *.json records in this directory");
        }
        files.forEach(f -> readOne(f, records, problems));
      } else {
        readOne(input, records, problems);
      }
    }
    return new Loaded(records, problems);
  }

  private static void readOne(Path file, List<LoadedRecord> records, List<String> problems) {
    try {
      records.add(new LoadedRecord(file.toString(), RecordFiles.read(file)));
    } catch (RecordException e) {
      problems.add(e.getMessage());
    }
  }
}
