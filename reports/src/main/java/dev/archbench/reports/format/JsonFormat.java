package dev.archbench.reports.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.archbench.record.Json;
import dev.archbench.reports.Analysis;
import dev.archbench.reports.LoadSource;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything computed, as JSON: {@code {"analysis": ..., "format": "archbench-report", "version": 1}}.
 * The analysis as it is, with archbench's one JSON configuration, except where the report has always
 * said a thing in words: a host's load source is the sentence the other formats show.
 */
final class JsonFormat implements ReportFormat {
  static final String FORMAT = "archbench-report";
  static final int VERSION = 1;

  private static final ObjectMapper MAPPER = Json.mapper().copy()
      .registerModule(new SimpleModule().addSerializer(new StdSerializer<>(LoadSource.class) {
        @Override
        public void serialize(LoadSource l, JsonGenerator g, SerializerProvider p) throws IOException {
          g.writeString(Views.loadHost(l));
        }
      }));

  @Override
  public String render(Analysis analysis) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("format", FORMAT);
    doc.put("version", VERSION);
    doc.put("analysis", analysis);
    try {
      return MAPPER.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize the analysis", e);
    }
  }
}
