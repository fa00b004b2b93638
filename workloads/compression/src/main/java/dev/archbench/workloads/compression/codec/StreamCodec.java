package dev.archbench.workloads.compression.codec;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tukaani.xz.ArrayCache;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/**
 * A codec used the way services stream whole files and responses: a compressing
 * {@link OutputStream} and a decompressing {@link InputStream} from the library's own stream API.
 */
public interface StreamCodec {
  /** Codec and level, e.g. {@code gzip-6}. */
  String id();

  String implementation();

  OutputStream compressor(OutputStream sink) throws IOException;

  InputStream decompressor(InputStream source) throws IOException;

  /** Stream buffer size of gzip, as services commonly configure it. */
  int GZIP_BUFFER = 64 << 10;

  static StreamCodec gzip(int level) {
    if (level < 1 || level > 9) {
      throw new IllegalArgumentException("gzip level must be 1..9: " + level);
    }
    return new StreamCodec() {
      @Override
      public String id() {
        return "gzip-" + level;
      }

      @Override
      public String implementation() {
        return Implementations.javaUtilZip();
      }

      @Override
      public OutputStream compressor(OutputStream sink) throws IOException {
        return new GZIPOutputStream(sink, GZIP_BUFFER) {
          {
            def.setLevel(level);
          }
        };
      }

      @Override
      public InputStream decompressor(InputStream source) throws IOException {
        return new GZIPInputStream(source, GZIP_BUFFER);
      }
    };
  }

  static StreamCodec zstd(int level) {
    if (level < 1 || level > 22) {
      throw new IllegalArgumentException("zstd level must be 1..22: " + level);
    }
    return new StreamCodec() {
      @Override
      public String id() {
        return "zstd-" + level;
      }

      @Override
      public String implementation() {
        return Implementations.zstd();
      }

      @Override
      public OutputStream compressor(OutputStream sink) throws IOException {
        return new ZstdOutputStream(sink, level);
      }

      @Override
      public InputStream decompressor(InputStream source) throws IOException {
        return new ZstdInputStream(source);
      }
    };
  }

  static StreamCodec xz(int preset) {
    LZMA2Options options;
    try {
      options = new LZMA2Options(preset);
    } catch (org.tukaani.xz.UnsupportedOptionsException e) {
      throw new IllegalArgumentException("xz preset must be 0..9: " + preset, e);
    }
    ArrayCache cache = new BasicArrayCache();
    return new StreamCodec() {
      @Override
      public String id() {
        return "xz-" + preset;
      }

      @Override
      public String implementation() {
        return Implementations.xz();
      }

      @Override
      public OutputStream compressor(OutputStream sink) throws IOException {
        return new XZOutputStream(sink, options, XZ.CHECK_CRC64, cache);
      }

      @Override
      public InputStream decompressor(InputStream source) throws IOException {
        return new XZInputStream(source, -1, cache);
      }
    };
  }
}
