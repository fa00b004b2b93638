package dev.archbench.workloads.compression.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's own data ({@code --corpus PATH}): one file, or every regular file under a directory
 * concatenated in path order (byte-wise, locale-independent), as {@code zstd -b} treats several
 * files. The name is the file or directory name; the checksum covers the concatenation.
 */
public final class UserCorpus {
  /** Corpora beyond this would not fit comfortably in a benchmark heap per thread. */
  static final long MAX_BYTES = 1L << 30;

  private UserCorpus() {}

  /** Loads the corpus or throws {@link IllegalArgumentException} with a one-line reason. */
  public static Corpus load(Path path) {
    Path p = path.toAbsolutePath().normalize();
    if (!Files.exists(p)) {
      throw new IllegalArgumentException("--corpus " + path + ": no such file or directory");
    }
    try {
      List<Path> files;
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(p);
      }
      long total = 0;
      for (Path f : files) {
        total += Files.size(f);
      }
      if (total == 0) {
        throw new IllegalArgumentException("--corpus " + path + ": no data (empty file or no files)");
      }
      if (total > MAX_BYTES) {
        throw new IllegalArgumentException("--corpus " + path + ": " + total
            + " bytes is more than the 1 GiB limit");
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream((int) total);
      for (Path f : files) {
        out.write(Files.readAllBytes(f));
      }
      String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
      String origin = files.size() == 1 && !Files.isDirectory(p)
          ? p.toString() : p + " (" + files.size() + " files)";
      return Corpus.of(name, origin, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("--corpus " + path + ": cannot read: " + e.getMessage(), e);
    }
  }
}
