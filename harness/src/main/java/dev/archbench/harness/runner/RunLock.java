package dev.archbench.harness.runner;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Only one process works on a run at a time: {@code --resume} of a run that is still going (in
 * another terminal, or a process that is not dead yet) must not interleave results. An OS file lock
 * on {@code .<run-id>.lock} beside the record; the OS releases it when the process dies, even by
 * {@code kill -9}, so a stale file never blocks.
 */
final class RunLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the run's lock; IllegalStateException with one line when another process holds it. */
  static RunLock acquire(RunFiles files) {
    Path file = files.dir().resolve("." + files.runId() + ".lock");
    try {
      Files.createDirectories(files.dir());
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        ch.close();
        throw new IllegalArgumentException("run " + files.runId() + " is in progress in another archbench process");
      }
      return new RunLock(file, ch, lock);
    } catch (IOException e) {
      throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS drops the lock with the process anyway
    }
  }
}
