package dev.archbench.harness.runner.lifecycle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The log file plus the screen ({@code --verbose}): bytes to the file, whole lines to the writer. */
public final class TeeOutputStream extends OutputStream {
  private final OutputStream file;
  private final PrintWriter screen;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  public TeeOutputStream(OutputStream file, PrintWriter screen) {
    this.file = file;
    this.screen = screen;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    file.write(b);
    line.write(b);
    if (b == '\n') {
      screen.print(line.toString(StandardCharsets.UTF_8));
      screen.flush();
      line.reset();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    file.write(b, off, len);
    for (int i = off; i < off + len; i++) {
      line.write(b[i]);
      if (b[i] == '\n') {
        screen.print(line.toString(StandardCharsets.UTF_8));
        screen.flush();
        line.reset();
      }
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    file.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      screen.print(line.toString(StandardCharsets.UTF_8));
      screen.flush();
    }
    file.close();
  }
}
