package dev.archbench.reports;

import dev.archbench.record.RecordFiles;
import java.nio.file.Path;

/**
 * Writes the fixture records (c7g/c7i/c7a stand-ins) as record files into a directory, for the
 * README's demo and screenshot: {@code java ... dev.archbench.reports.DemoReport DIR}.
 */
public final class DemoReport {
  private DemoReport() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/demo-records");
    for (LoadedRecord r : Fixtures.threeInstanceTypes()) {
      RecordFiles.replace(dir.resolve(Path.of(r.file()).getFileName()), r.record());
    }
    System.out.println(dir);
  }
}
