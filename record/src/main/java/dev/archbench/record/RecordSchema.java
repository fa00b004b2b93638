package dev.archbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema of the run record ({@code run-record.schema.json}) and validation against it. */
public final class RecordSchema {
  /** Class-path location of the schema; also copied to {@code docs/} of the repository. */
  public static final String RESOURCE = "/dev/archbench/record/run-record.schema.json";
  /** The schema of version-1 records, kept so that old records are checked by the rules they were written to. */
  static final String RESOURCE_V1 = "/dev/archbench/record/run-record-1.schema.json";

  private static final JsonSchema SCHEMA = load(RESOURCE);
  private static final JsonSchema SCHEMA_V1 = load(RESOURCE_V1);

  private RecordSchema() {}

  private static JsonSchema load(String resource) {
    try (InputStream in = RecordSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + resource);
      }
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(Json.mapper().readTree(in), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the schema violations of {@code record}, sorted, each one line; empty when valid. */
  public static List<String> validate(JsonNode record) {
    return validate(record, SCHEMA);
  }

  /** Validates a version-1 record against the version-1 schema. */
  static List<String> validateV1(JsonNode record) {
    return validate(record, SCHEMA_V1);
  }

  private static List<String> validate(JsonNode record, JsonSchema schema) {
    return schema.validate(record).stream()
        .map(ValidationMessage::getMessage)
        .map(RecordFiles::oneLine)
        .sorted()
        .toList();
  }

  /** Validates a record object as it would be written. */
  public static List<String> validate(RunRecord record) {
    return validate(Json.mapper().valueToTree(record));
  }

  /** The schema text, for {@code archbench schema} and the docs. */
  public static String text() {
    try (InputStream in = RecordSchema.class.getResourceAsStream(RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
