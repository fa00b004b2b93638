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

  private static final JsonSchema SCHEMA = load();

  private RecordSchema() {}

  private static JsonSchema load() {
    try (InputStream in = RecordSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
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
    return SCHEMA.validate(record).stream()
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
