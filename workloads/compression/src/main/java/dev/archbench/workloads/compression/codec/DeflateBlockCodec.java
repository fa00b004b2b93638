package dev.archbench.workloads.compression.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * deflate (zlib format, as HTTP {@code Content-Encoding: deflate} and most storage formats use)
 * through {@code java.util.zip}: the JDK's zlib, reused {@link Deflater}/{@link Inflater} reset per
 * block, reading and writing direct buffers without copies.
 */
final class DeflateBlockCodec implements BlockCodec {
  private final int level;
  private final Deflater deflater;
  private final Inflater inflater;

  DeflateBlockCodec(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("deflate level must be 1..9: " + level);
    }
    this.level = level;
    this.deflater = new Deflater(level);
    this.inflater = new Inflater();
  }

  @Override
  public String id() {
    return "deflate-" + level;
  }

  @Override
  public String implementation() {
    return Implementations.javaUtilZip();
  }

  @Override
  public boolean direct() {
    return true;
  }

  @Override
  public int maxCompressedLength(int length) {
    // zlib's deflateBound plus the zlib header and trailer, with margin.
    return length + (length >>> 12) + (length >>> 14) + (length >>> 25) + 64;
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) throws IOException {
    deflater.reset();
    deflater.setInput(BlockCodec.window(src, srcOff, srcLen));
    deflater.finish();
    BlockCodec.window(dst, dstOff, dstCap);
    while (!deflater.finished()) {
      if (deflater.deflate(dst) == 0 && !dst.hasRemaining()) {
        throw new IOException("deflate output exceeds " + dstCap + " bytes");
      }
    }
    return dst.position() - dstOff;
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) throws IOException {
    inflater.reset();
    inflater.setInput(BlockCodec.window(src, srcOff, srcLen));
    BlockCodec.window(dst, dstOff, originalLen);
    try {
      while (!inflater.finished()) {
        if (inflater.inflate(dst) == 0 && (inflater.needsInput() || !dst.hasRemaining())) {
          throw new IOException("corrupt or truncated deflate block");
        }
      }
    } catch (DataFormatException e) {
      throw new IOException("corrupt deflate block: " + e.getMessage(), e);
    }
    return dst.position() - dstOff;
  }

  @Override
  public void close() {
    deflater.end();
    inflater.end();
  }
}
