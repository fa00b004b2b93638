package dev.archbench.workloads.compression.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reusable streams over byte-array ranges, so stream-only codecs allocate nothing per block. */
final class ArrayIo {
  private ArrayIo() {}

  /** Reads until {@code len} bytes or the end of the stream; returns the count read. */
  static int readFully(InputStream in, byte[] b, int off, int len) throws IOException {
    int n = 0;
    while (n < len) {
      int r = in.read(b, off + n, len - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  /** Writes into a fixed array range; overflowing it is an error, not a reallocation. */
  static final class Sink extends OutputStream {
    private byte[] buf;
    private int start;
    private int pos;
    private int end;

    void reset(byte[] buf, int off, int cap) {
      this.buf = buf;
      this.start = off;
      this.pos = off;
      this.end = off + cap;
    }

    int count() {
      return pos - start;
    }

    @Override
    public void write(int b) throws IOException {
      if (pos >= end) {
        throw new IOException("compressed output exceeds " + (end - start) + " bytes");
      }
      buf[pos++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (len > end - pos) {
        throw new IOException("compressed output exceeds " + (end - start) + " bytes");
      }
      System.arraycopy(b, off, buf, pos, len);
      pos += len;
    }

    @Override
    public void close() {}
  }

  /** Reads a fixed array range; {@link #reset} rewinds it onto new data. */
  static final class Source extends InputStream {
    private byte[] buf;
    private int pos;
    private int end;

    void reset(byte[] buf, int off, int len) {
      this.buf = buf;
      this.pos = off;
      this.end = off + len;
    }

    @Override
    public int read() {
      return pos < end ? buf[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= end) {
        return -1;
      }
      int n = Math.min(len, end - pos);
      System.arraycopy(buf, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return end - pos;
    }

    @Override
    public void close() {}
  }
}
