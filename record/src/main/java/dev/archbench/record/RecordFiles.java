package dev.archbench.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads and writes run records, and replaces every other file archbench writes (JMH JSON, reports,
 * caches). Writes are complete or absent (temporary file in the same directory, written to the last
 * byte, fsync, rename), so a reader, a crash or a full disk never leaves half a file. Reads validate against the JSON Schema
 * of the record's version and fail with one line naming the file; version-1 records are then
 * upgraded ({@link RecordUpgrade}) so that readers see one model.
 */
public final class RecordFiles {
  private RecordFiles() {}

  /** Writes a new record; refuses to overwrite an existing file. */
  public static void create(Path file, RunRecord record) {
    if (Files.exists(file)) {
      throw new RecordException(file + ": already exists; records are never overwritten");
    }
    writeAtomically(file, Json.write(record));
  }

  /** Replaces the record of a run in progress with its newer version (one more result). */
  public static void replace(Path file, RunRecord record) {
    writeAtomically(file, Json.write(record));
  }

  /** Writes {@code text} (UTF-8) to {@code file} completely or not at all; see {@link #writeAtomically(Path, byte[])}. */
  public static void writeAtomically(Path file, String text) {
    writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Replaces {@code file} with {@code bytes} completely or not at all: a temporary file in the same
   * directory, written until no byte is left (one {@code FileChannel.write} may write less than asked,
   * e.g. on a disk that is filling, and says so only in its return value), fsynced, renamed over the
   * old file, and the directory fsynced so the rename survives a power loss. On any failure (a full
   * disk, an I/O error) the old file is untouched and the temporary file removed; a
   * {@link RecordException} says which file and why, in one line.
   */
  public static void writeAtomically(Path file, byte[] bytes) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      readableByAll(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      syncDirectory(dir);
    } catch (IOException e) {
      throw new RecordException(file + ": cannot write: " + describe(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and never read as a record
        }
      }
    }
  }

  /** Makes a rename durable; file systems (and systems) that cannot open a directory skip it. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // the data itself is synced; only the rename's durability across a power loss is not
    }
  }

  /** Temporary files are created owner-only; records and reports are meant to be shared and served. */
  private static void readableByAll(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Reads and validates one record. */
  public static RunRecord read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new RecordException(file + ": no such file");
    } catch (IOException e) {
      throw new RecordException(file + ": cannot read: " + describe(e), e);
    }
    return parse(file.toString(), bytes);
  }

  /** Parses and validates record text; {@code name} is used in error messages. */
  public static RunRecord parse(String name, String text) {
    return parse(name, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses and validates UTF-8 record bytes. Bytes rather than a decoded String: Jackson's byte
   * parser is the faster one, and reports read thousands of records.
   */
  public static RunRecord parse(String name, byte[] utf8) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(utf8);
    } catch (JsonProcessingException e) {
      throw new RecordException(name + ": not valid JSON (" + oneLine(e.getOriginalMessage())
          + locationOf(e) + ")");
    } catch (IOException e) {
      // Not reachable for an in-memory array; kept one-line like every other read failure.
      throw new RecordException(name + ": cannot read: " + describe(e), e);
    }
    if (tree == null || !tree.isObject()) {
      throw new RecordException(name + ": not a run record (expected a JSON object)");
    }
    JsonNode version = tree.get("schemaVersion");
    if (version == null || !version.canConvertToInt()) {
      throw new RecordException(name + ": not a run record (no schemaVersion)");
    }
    int v = version.intValue();
    if (v > RunRecord.SCHEMA_VERSION || v < 1) {
      throw new RecordException(name + ": schemaVersion " + v + " is not supported (this archbench reads 1 to "
          + RunRecord.SCHEMA_VERSION + "; upgrade archbench)");
    }
    List<String> problems = v == 1 ? RecordSchema.validateV1(tree) : RecordSchema.validate(tree);
    if (!problems.isEmpty()) {
      throw new RecordException(name + ": invalid run record: " + problems.get(0)
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }
    if (v == 1) {
      tree = RecordUpgrade.fromVersion1((com.fasterxml.jackson.databind.node.ObjectNode) tree);
    }
    try {
      return Json.mapper().treeToValue(tree, RunRecord.class);
    } catch (JsonProcessingException e) {
      throw new RecordException(name + ": invalid run record: " + oneLine(e.getOriginalMessage()));
    }
  }

  /** Error texts from parsers may span lines; ours never do. */
  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  private static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }

  private static String describe(IOException e) {
    if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
      return fs.getReason(); // the system's words ("Read-only file system"); the file is named already
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
