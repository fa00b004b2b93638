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
 * Reads records from files and directories (recursively, {@code *.json} except reports'
 * {@code report.json}, in name order). A file that cannot be read becomes one problem line; the
 * others are still read.
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
              // A report's own JSON output, e.g. from --out inside the records directory.
              .filter(p -> !p.getFileName().toString().equals("report.json"))
              // JMH's own JSON, written by archbench run beside each record.
              .filter(p -> !p.getFileName().toString().endsWith(".jmh.json"))
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
        readAll(files, records, problems);
      } else {
        readAll(List.of(input), records, problems);
      }
    }
    return new Loaded(records, problems);
  }

  /** Parsing and schema validation dominate; files are read in parallel, results kept in order. */
  private static void readAll(List<Path> files, List<LoadedRecord> records, List<String> problems) {
    List<Object> results = files.parallelStream().map(f -> {
      try {
        return (Object) new LoadedRecord(f.toString(), RecordFiles.read(f));
      } catch (RecordException e) {
        return e.getMessage();
      }
    }).toList();
    for (Object o : results) {
      if (o instanceof LoadedRecord r) {
        records.add(r);
      } else {
        problems.add((String) o);
      }
    }
  }
}
