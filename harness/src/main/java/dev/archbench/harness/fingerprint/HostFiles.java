package dev.archbench.harness.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Read-only access to the files below {@link HostRoots}. A missing or unreadable file is an empty
 * answer, never an exception: a fingerprint degrades to {@code null} fields, it does not fail.
 */
public final class HostFiles {
  /** sysfs and procfs files are small; a cap keeps a hostile tree from costing memory. */
  private static final int MAX_BYTES = 4 << 20;

  private final HostRoots roots;

  public HostFiles(HostRoots roots) {
    this.roots = roots;
  }

  public HostRoots roots() {
    return roots;
  }

  /** A file below the sysfs root, e.g. {@code sys("class/dmi/id/sys_vendor")}, trimmed. */
  public Optional<String> sys(String relative) {
    return read(roots.sysfs().resolve(relative)).map(String::strip);
  }

  /** A file below the procfs root, untrimmed (multi-line content). */
  public Optional<String> proc(String relative) {
    return read(roots.procfs().resolve(relative));
  }

  public Optional<String> etc(String relative) {
    return read(roots.etc().resolve(relative));
  }

  /** Names in a directory below sysfs, sorted; empty when absent. */
  public List<String> sysList(String relative) {
    return list(roots.sysfs().resolve(relative));
  }

  /** Names in a directory below the {@code opt} root, sorted; empty when absent. */
  public List<String> optList(String relative) {
    return list(roots.opt().resolve(relative));
  }

  /** Names in the devfs root, sorted. */
  public List<String> devList() {
    return list(roots.devfs());
  }

  static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(file)) {
      // readNBytes: /proc files report size 0, so read until EOF up to the cap.
      return Optional.of(new String(in.readNBytes(MAX_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  static List<String> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException | SecurityException e) {
      return List.of();
    }
  }
}
