package dev.archbench.workloads.compression;

import dev.archbench.workloads.compression.codec.StreamCodec;
import dev.archbench.workloads.compression.corpus.Corpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Whole-file streaming for one benchmark thread: the corpus is one stream (one gzip member, zstd
 * frame or xz stream), written to or read from the codec's stream API in windows of
 * {@link BlockWorkspace#WINDOW_BYTES}; at the end of the file the stream is finished and a new one
 * begins, so a window may span two files and finishing costs are counted where they occur.
 * Compressed output goes to a counting sink (the codec does all its work regardless of where the
 * bytes go). The whole-file round trip is verified up front.
 */
public final class StreamWorkspace {
  private final StreamCodec codec;
  private final Corpus corpus;
  private final byte[] data;
  private final byte[] compressed;
  private final CountingSink sink = new CountingSink();
  private final Source source = new Source();
  private final byte[] window = new byte[BlockWorkspace.WINDOW_BYTES];
  private OutputStream out;
  private int inPos;
  private InputStream in;
  private long decodedThisFile;

  public StreamWorkspace(StreamCodec codec, Corpus corpus) throws IOException {
    this.codec = codec;
    this.corpus = corpus;
    this.data = corpus.data();
    ByteArrayOutputStream whole = new ByteArrayOutputStream(data.length / 2 + 1024);
    try (OutputStream c = codec.compressor(whole)) {
      c.write(data);
    }
    this.compressed = whole.toByteArray();
    byte[] decoded;
    try (InputStream d = codec.decompressor(new java.io.ByteArrayInputStream(compressed))) {
      decoded = d.readAllBytes();
    }
    if (!Arrays.equals(data, decoded)) {
      throw new IllegalStateException(codec.id() + " stream round trip failed on "
          + corpus.name() + " (decoded " + decoded.length + " of " + data.length + " bytes)");
    }
    this.out = codec.compressor(sink);
    source.rewind();
    this.in = codec.decompressor(source);
  }

  /** Streams the next window of the file into the compressor; returns total compressed bytes. */
  public long compressWindow() throws IOException {
    int remaining = window.length;
    while (remaining > 0) {
      int n = Math.min(remaining, data.length - inPos);
      out.write(data, inPos, n);
      inPos += n;
      remaining -= n;
      if (inPos == data.length) {
        out.close();
        out = codec.compressor(sink);
        inPos = 0;
      }
    }
    return sink.count;
  }

  /** Reads the next window of the file from the decompressor; returns the bytes read. */
  public int decompressWindow() throws IOException {
    int filled = 0;
    while (filled < window.length) {
      int r = in.read(window, filled, window.length - filled);
      if (r < 0) {
        if (decodedThisFile != data.length) {
          throw new IllegalStateException(codec.id() + " stream decoded " + decodedThisFile
              + " of " + data.length + " bytes");
        }
        in.close();
        source.rewind();
        in = codec.decompressor(source);
        decodedThisFile = 0;
        continue;
      }
      filled += r;
      decodedThisFile += r;
    }
    return filled;
  }

  public double ratio() {
    return (double) data.length / compressed.length;
  }

  public StreamCodec codec() {
    return codec;
  }

  public Corpus corpus() {
    return corpus;
  }

  private static final class CountingSink extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /** The compressed file as a rewindable stream that allocates nothing. */
  private final class Source extends InputStream {
    private int pos;

    void rewind() {
      pos = 0;
    }

    @Override
    public int read() {
      return pos < compressed.length ? compressed[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= compressed.length) {
        return -1;
      }
      int n = Math.min(len, compressed.length - pos);
      System.arraycopy(compressed, pos, b, off, n);
      pos += n;
      return n;
    }

    @Override
    public int available() {
      return compressed.length - pos;
    }

    @Override
    public void close() {}
  }
}
