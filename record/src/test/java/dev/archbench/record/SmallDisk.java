package dev.archbench.record;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real tmpfs of a few KiB, mounted for a test (a full disk or a read-only one is only believable when
 * the kernel says so; a mocked channel would not catch a short write). Mounting needs root: CI runs as
 * root and must mount (the test fails when it cannot); elsewhere the test is skipped.
 */
public final class SmallDisk implements AutoCloseable {
  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code kib} KiB on {@code dir} (created), read-only if asked. */
  public static SmallDisk mount(Path dir, int kib, boolean readOnly) throws IOException, InterruptedException {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!ci) {
      assumeThat(System.getProperty("user.name")).as("mounting a tmpfs needs root (CI runs as root)")
          .isEqualTo("root");
    }
    Files.createDirectories(dir);
    String options = "size=" + kib + "k" + (readOnly ? ",ro" : "");
    String failure = mountCommand(List.of("mount", "-t", "tmpfs", "-o", options, "tmpfs", dir.toString()));
    if (failure != null) {
      if (ci) {
        throw new AssertionError("cannot mount a tmpfs on " + dir + ": " + failure);
      }
      assumeThat(failure).as("mount a tmpfs").isNull();
    }
    return new SmallDisk(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Fills the file system to the last byte with files named {@code .filler*}. */
  public void fill() throws IOException {
    fillLeaving(0);
  }

  /**
   * Fills the file system but for about {@code bytes} bytes (whole pages): a write larger than that
   * then succeeds in part, which is how a disk fills under a real writer.
   */
  public void fillLeaving(int bytes) throws IOException {
    Path filler = dir.resolve(".filler");
    try (var out = Files.newOutputStream(filler)) {
      byte[] block = new byte[512];
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      // No space left on device: what we wanted.
    }
    try (var out = Files.newOutputStream(dir.resolve(".filler-tail"))) {
      while (true) {
        out.write(0);
        out.flush();
      }
    } catch (IOException full) {
      // the last partial block is taken too
    }
    if (bytes > 0) {
      try (FileChannel ch = FileChannel.open(filler, StandardOpenOption.WRITE)) {
        ch.truncate(Math.max(0, ch.size() - bytes));
      }
    }
  }

  /** Gives the space taken by {@link #fill()} back. */
  public void free() throws IOException {
    Files.deleteIfExists(dir.resolve(".filler"));
    Files.deleteIfExists(dir.resolve(".filler-tail"));
  }

  @Override
  public void close() throws IOException, InterruptedException {
    String failure = mountCommand(List.of("umount", "-l", dir.toString()));
    if (failure != null) {
      throw new IOException("cannot unmount " + dir + ": " + failure);
    }
  }

  /** Runs mount or umount; null when it worked, else its output. */
  private static String mountCommand(List<String> cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      return e.getMessage();
    }
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return cmd.get(0) + " did not return";
    }
    return p.exitValue() == 0 ? null : new String(out, StandardCharsets.UTF_8).strip();
  }
}
