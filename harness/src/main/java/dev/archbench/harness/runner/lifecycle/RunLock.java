package dev.archbench.harness.runner.lifecycle;

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
public final class RunLock implements AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the run's lock; IllegalArgumentException with one line when another process holds it or it cannot be written. */
  public static RunLock acquire(RunFiles files) {
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
      // An output directory that cannot hold a lock file cannot hold a record either: the user's to fix.
      throw new IllegalArgumentException("--out " + files.dir() + ": cannot write: " + OutputDirectory.reason(e));
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
