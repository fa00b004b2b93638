package dev.archbench.reports.format;

import dev.archbench.reports.Analysis;
import dev.archbench.reports.format.html.HtmlFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One output format of a report; implementations are package-private, chosen by {@link Type}. */
public interface ReportFormat {
  /** The whole output for an analysis, as text. */
  String render(Analysis analysis);

  /** The formats, their command-line names and output file names. */
  enum Type {
    HTML("html", "report.html"),
    MARKDOWN("md", "report.md"),
    CSV("csv", "report.csv"),
    JSON("json", "report.json");

    private final String id;
    private final String fileName;

    Type(String id, String fileName) {
      this.id = id;
      this.fileName = fileName;
    }

    public String id() {
      return id;
    }

    public String fileName() {
      return fileName;
    }

    public static Type parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("markdown")) {
        return MARKDOWN;
      }
      for (Type x : values()) {
        if (x.id.equals(t)) {
          return x;
        }
      }
      throw new IllegalArgumentException("unknown format '" + s + "' (expected "
          + Arrays.stream(values()).map(Type::id).collect(Collectors.joining(", ")) + ")");
    }

    public ReportFormat format() {
      return switch (this) {
        case HTML -> new HtmlFormat();
        case MARKDOWN -> new MarkdownFormat();
        case CSV -> new CsvFormat();
        case JSON -> new JsonFormat();
      };
    }
  }
}
