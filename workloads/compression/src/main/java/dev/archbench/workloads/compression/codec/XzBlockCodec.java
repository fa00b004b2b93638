package dev.archbench.workloads.compression.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.UnsupportedOptionsException;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * xz (.xz container, LZMA2, CRC64 like the xz CLI) through the pure-Java org.tukaani:xz on heap
 * buffers. The library has no block API: each block is a fresh stream, with the LZMA2 dictionary
 * and match-finder arrays recycled through an {@link ArrayCache} instead of reallocated. The
 * dictionary is capped at the block size (as the xz CLI caps it at the file size): a block cannot
 * reference more, so the output is the same while the match finder's tables (about 11× the
 * dictionary, zeroed per stream) stay proportional to the block.
 */
final class XzBlockCodec implements BlockCodec {
  private final int preset;
  private final LZMA2Options options;
  private LZMA2Options blockOptions;
  private final ArrayCache cache = new BasicArrayCache();
  private final ArrayIo.Sink sink = new ArrayIo.Sink();
  private final ArrayIo.Source source = new ArrayIo.Source();

  XzBlockCodec(int preset) {
    try {
      this.options = new LZMA2Options(preset);
    } catch (UnsupportedOptionsException e) {
      throw new IllegalArgumentException("xz preset must be 0..9: " + preset, e);
    }
    this.preset = preset;
  }

  @Override
  public String id() {
    return "xz-" + preset;
  }

  @Override
  public String implementation() {
    return Implementations.xz();
  }

  @Override
  public boolean direct() {
    return false;
  }

  @Override
  public int maxCompressedLength(int length) {
    return length + (length >>> 4) + 1024;
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) throws IOException {
    sink.reset(dst.array(), dst.arrayOffset() + dstOff, dstCap);
    XZOutputStream out = new XZOutputStream(sink, optionsFor(srcLen), XZ.CHECK_CRC64, cache);
    out.write(src.array(), src.arrayOffset() + srcOff, srcLen);
    out.close();
    return sink.count();
  }

  private LZMA2Options optionsFor(int length) {
    int dict = Math.max(LZMA2Options.DICT_SIZE_MIN, Math.min(options.getDictSize(), length));
    if (blockOptions == null || blockOptions.getDictSize() != dict) {
      blockOptions = (LZMA2Options) options.clone();
      try {
        blockOptions.setDictSize(dict);
      } catch (UnsupportedOptionsException e) {
        throw new IllegalStateException(e);
      }
    }
    return blockOptions;
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) throws IOException {
    source.reset(src.array(), src.arrayOffset() + srcOff, srcLen);
    XZInputStream in = new XZInputStream(source, -1, cache);
    int n = ArrayIo.readFully(in, dst.array(), dst.arrayOffset() + dstOff, originalLen);
    if (in.read() != -1) {
      throw new IOException("xz block decodes to more than " + originalLen + " bytes");
    }
    in.close();
    return n;
  }

  @Override
  public void close() {}
}
