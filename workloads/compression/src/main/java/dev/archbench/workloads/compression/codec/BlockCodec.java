package dev.archbench.workloads.compression.codec;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * One codec at one level, compressing independent blocks between reusable buffers: what a
 * service does per Kafka batch, HTTP body or storage page. Instances keep their native contexts
 * for reuse and are not thread-safe (one per benchmark thread).
 *
 * <p>Offsets are absolute; implementations may move the buffers' position and limit. Buffers are
 * direct when {@link #direct()} is true (JNI codecs read them without a copy), heap otherwise.
 */
public interface BlockCodec extends AutoCloseable {

  /** Codec and level, e.g. {@code zstd-3}. */
  String id();

  /** What actually runs, e.g. {@code zstd-jni 1.5.7-28 (native libzstd 1.5.7, linux-amd64)}. */
  String implementation();

  /** Whether this codec wants direct buffers. */
  boolean direct();

  /** Upper bound of the compressed size of {@code length} bytes. */
  int maxCompressedLength(int length);

  /** Compresses {@code src[srcOff, srcOff+srcLen)} to {@code dst} at {@code dstOff}; returns its size. */
  int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstCap)
      throws IOException;

  /** Decompresses a block whose original size is known; returns the bytes produced. */
  int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int originalLen)
      throws IOException;

  @Override
  void close();

  /** Sets {@code b}'s position and limit to the given range. */
  static ByteBuffer window(ByteBuffer b, int off, int len) {
    b.limit(b.capacity());
    b.position(off);
    b.limit(off + len);
    return b;
  }
}
