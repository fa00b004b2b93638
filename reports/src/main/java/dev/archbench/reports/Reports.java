package dev.archbench.reports;

import dev.archbench.record.RunRecord;
import dev.archbench.reports.format.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The reports module's entry points: analyze records, write formats, and the run's own report. */
public final class Reports {
  private Reports() {}

  /** Records read from files and directories, analyzed; unreadable files become problem lines. */
  public static Analysis analyze(List<Path> inputs, ReportOptions options) {
    RecordLoader.Loaded loaded = RecordLoader.load(inputs);
    return Analyzer.analyze(loaded.records(), loaded.problems(), options);
  }

  /** Records already read, analyzed. */
  public static Analysis analyze(List<LoadedRecord> records, List<String> loadProblems, ReportOptions options) {
    return Analyzer.analyze(records, loadProblems, options);
  }

  /** Renders one format. */
  public static String render(Analysis analysis, ReportFormat.Type type) {
    return type.format().render(analysis);
  }

  /** Writes the formats into {@code outDir} (atomically, one file each) and returns their paths. */
  public static List<Path> write(Analysis analysis, Path outDir, Set<ReportFormat.Type> types) {
    List<Path> out = new ArrayList<>();
    for (ReportFormat.Type t : EnumSet.copyOf(types)) {
      Path file = outDir.resolve(t.fileName());
      dev.archbench.record.RecordFiles.writeAtomically(file, render(analysis, t));
      out.add(file);
    }
    return out;
  }

  /**
   * The report of a single run, written beside its record as {@code <record>.html} and
   * {@code <record>.md}: called at the end of {@code archbench run}. The host is priced only when it
   * is an EC2 instance in the embedded catalog; smoke runs are marked as such.
   *
   * @return the HTML file
   * @throws dev.archbench.record.RecordException when the record cannot be read
   */
  public static Path writeRunReport(Path recordFile) {
    return writeRunReport(recordFile, dev.archbench.record.RecordFiles.read(recordFile));
  }

  /**
   * As {@link #writeRunReport(Path)}, for a record the caller holds already (the run that just wrote
   * it), so that it is not read back from disk.
   */
  public static Path writeRunReport(Path recordFile, RunRecord record) {
    LoadedRecord r = new LoadedRecord(recordFile.toString(), record);
    String label = r.record().run().label();
    String title = "archbench run " + (label == null ? r.record().run().id() : label) + " on "
        + r.record().hostKey();
    Analysis a = Analyzer.analyze(List.of(r), List.of(), ReportOptions.defaults().withTitle(title));
    String name = recordFile.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    Path dir = recordFile.toAbsolutePath().getParent();
    Path html = dir.resolve(stem + ".html");
    dev.archbench.record.RecordFiles.writeAtomically(html, render(a, ReportFormat.Type.HTML));
    dev.archbench.record.RecordFiles.writeAtomically(dir.resolve(stem + ".md"), render(a, ReportFormat.Type.MARKDOWN));
    return html;
  }
}
