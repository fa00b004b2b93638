package dev.archbench.workloads.compression.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.xerial.snappy.Snappy;

/** snappy through snappy-java's native library, direct buffers (no level). */
final class SnappyBlockCodec implements BlockCodec {

  @Override
  public String id() {
    return "snappy";
  }

  @Override
  public String implementation() {
    return Implementations.snappy();
  }

  @Override
  public boolean direct() {
    return true;
  }

  @Override
  public int maxCompressedLength(int length) {
    return Snappy.maxCompressedLength(length);
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) throws IOException {
    return Snappy.compress(BlockCodec.window(src, srcOff, srcLen),
        BlockCodec.window(dst, dstOff, dstCap));
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) throws IOException {
    return Snappy.uncompress(BlockCodec.window(src, srcOff, srcLen),
        BlockCodec.window(dst, dstOff, originalLen));
  }

  @Override
  public void close() {}
}
