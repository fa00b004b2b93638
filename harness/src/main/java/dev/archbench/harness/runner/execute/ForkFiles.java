package dev.archbench.harness.runner.execute;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** The temporary files of a fork (its settings, results, notes): made and removed the same way by every executor. */
public final class ForkFiles {
  private ForkFiles() {}

  /** Deletes {@code dir} and everything under it, as far as it can ({@code null}: nothing). */
  public static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // temporary directory; best effort
    }
  }
}
