package dev.archbench.reports.format;

import dev.archbench.record.Json;
import dev.archbench.reports.Analysis;
import java.util.LinkedHashMap;
import java.util.Map;

/** Everything computed, as JSON: {@code {"analysis": ..., "format": "archbench-report", "version": 1}}. */
final class JsonFormat implements ReportFormat {
  static final String FORMAT = "archbench-report";
  static final int VERSION = 1;

  @Override
  public String render(Analysis analysis) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("version", VERSION);
    doc.put("analysis", analysis);
    return Json.write(doc);
  }
}
