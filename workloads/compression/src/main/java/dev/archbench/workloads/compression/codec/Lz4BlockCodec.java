package dev.archbench.workloads.compression.codec;

import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4JNIFastResetCompressor;
import net.jpountz.lz4.LZ4JNIHCFastResetCompressor;
import net.jpountz.lz4.LZ4SafeDecompressor;
import java.nio.ByteBuffer;

/**
 * lz4 through lz4-java: level 1 is LZ4's fast mode (acceleration 1), levels 3..12 are LZ4 HC,
 * as in the {@code lz4} CLI. Uses {@link LZ4Factory#fastestInstance()} like services do: the JNI
 * library where it loads, else the pure-Java fallback, and says which in
 * {@link #implementation()}. With JNI, the fast-reset compressors keep their state between
 * blocks instead of clearing a fresh one per call. Decompression is the safe (bounds-checked)
 * decoder, as {@code lz4 -b} uses.
 */
final class Lz4BlockCodec implements BlockCodec {
  private final int level;
  private final LZ4Factory factory;
  private final boolean jni;
  private final LZ4Compressor javaCompressor;
  private final LZ4JNIFastResetCompressor jniFast;
  private final LZ4JNIHCFastResetCompressor jniHc;
  private final LZ4SafeDecompressor decompressor;

  Lz4BlockCodec(int level, LZ4Factory factory) {
    if (level != 1 && (level < 3 || level > 12)) {
      throw new IllegalArgumentException("lz4 level must be 1 (fast) or 3..12 (HC): " + level);
    }
    this.level = level;
    this.factory = factory;
    this.jni = Implementations.isJni(factory);
    jniFast = jni && level == 1 ? factory.fastResetCompressor() : null;
    jniHc = jni && level > 1 ? factory.highFastResetCompressor(level) : null;
    javaCompressor = jni ? null
        : level == 1 ? factory.fastCompressor() : factory.highCompressor(level);
    this.decompressor = factory.safeDecompressor();
  }

  @Override
  public String id() {
    return "lz4-" + level;
  }

  @Override
  public String implementation() {
    return Implementations.lz4(factory) + (level == 1 ? ", fast" : ", HC");
  }

  @Override
  public boolean direct() {
    return true;
  }

  @Override
  public int maxCompressedLength(int length) {
    return factory.fastCompressor().maxCompressedLength(length);
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) {
    if (jniFast != null) {
      return jniFast.compress(src, srcOff, srcLen, dst, dstOff, dstCap);
    } else if (jniHc != null) {
      return jniHc.compress(src, srcOff, srcLen, dst, dstOff, dstCap);
    }
    return javaCompressor.compress(src, srcOff, srcLen, dst, dstOff, dstCap);
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) {
    return decompressor.decompress(src, srcOff, srcLen, dst, dstOff, originalLen);
  }

  @Override
  public void close() {
    if (jniFast != null) {
      jniFast.close();
    }
    if (jniHc != null) {
      jniHc.close();
    }
  }
}
