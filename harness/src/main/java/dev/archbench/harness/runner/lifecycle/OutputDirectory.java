package dev.archbench.harness.runner.lifecycle;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --out} directory, checked before anything runs: a directory that cannot be created or
 * written is the user's to fix (exit 2 with one line), not an internal error discovered after the
 * first benchmark.
 */
public final class OutputDirectory {
  private OutputDirectory() {}

  /** Creates {@code dir} if needed; IllegalArgumentException with one line when it is unusable. */
  public static void prepare(Path dir) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("--out " + dir + ": is a file, not a directory");
    }
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("--out " + dir + ": " + e.getFile() + " is a file, not a directory");
    } catch (IOException e) {
      throw new IllegalArgumentException("--out " + dir + ": cannot create the directory: " + reason(e));
    }
    if (!Files.isWritable(dir)) {
      throw new IllegalArgumentException("--out " + dir + ": the directory is not writable");
    }
  }

  /** The operating system's words ("Read-only file system", "No space left on device"), without the path. */
  static String reason(IOException e) {
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
