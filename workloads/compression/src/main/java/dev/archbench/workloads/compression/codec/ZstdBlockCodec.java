package dev.archbench.workloads.compression.codec;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.nio.ByteBuffer;

/** zstd through zstd-jni with reused compression and decompression contexts, direct buffers. */
final class ZstdBlockCodec implements BlockCodec {
  private final int level;
  private final ZstdCompressCtx cctx;
  private final ZstdDecompressCtx dctx;

  ZstdBlockCodec(int level) {
    if (level < 1 || level > 22) {
      throw new IllegalArgumentException("zstd level must be 1..22: " + level);
    }
    this.level = level;
    this.cctx = new ZstdCompressCtx().setLevel(level);
    this.dctx = new ZstdDecompressCtx();
  }

  @Override
  public String id() {
    return "zstd-" + level;
  }

  @Override
  public String implementation() {
    return Implementations.zstd();
  }

  @Override
  public boolean direct() {
    return true;
  }

  @Override
  public int maxCompressedLength(int length) {
    return (int) Zstd.compressBound(length);
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) {
    return cctx.compressDirectByteBuffer(dst, dstOff, dstCap, src, srcOff, srcLen);
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) {
    return dctx.decompressDirectByteBuffer(dst, dstOff, originalLen, src, srcOff, srcLen);
  }

  @Override
  public void close() {
    cctx.close();
    dctx.close();
  }
}
