package dev.archbench.workloads.compression.codec;

import java.util.List;
import java.util.Locale;
import net.jpountz.lz4.LZ4Factory;

/** The one place that turns a codec id and level into a block or stream codec. */
public final class Codecs {
  /** Block codec ids. */
  public static final List<String> BLOCK = List.of("zstd", "lz4", "snappy", "deflate", "xz",
      "brotli");
  /** Stream codec ids (whole files through the libraries' stream APIs). */
  public static final List<String> STREAM = List.of("gzip", "zstd", "xz");
  /** The level value for codecs that have none (snappy) or to ask for the codec's default. */
  public static final String DEFAULT_LEVEL = "default";

  private Codecs() {}

  public static BlockCodec block(String codec, String level) {
    return switch (codec.toLowerCase(Locale.ROOT)) {
      case "zstd" -> new ZstdBlockCodec(level(level, 3));
      case "lz4" -> new Lz4BlockCodec(level(level, 1), LZ4Factory.fastestInstance());
      case "snappy" -> {
        if (!DEFAULT_LEVEL.equals(level)) {
          throw new IllegalArgumentException("snappy has no levels, use '" + DEFAULT_LEVEL + "'");
        }
        yield new SnappyBlockCodec();
      }
      case "deflate" -> new DeflateBlockCodec(level(level, 6));
      case "xz" -> new XzBlockCodec(level(level, 6));
      case "brotli" -> new BrotliBlockCodec(level(level, 11));
      default -> throw new IllegalArgumentException("unknown block codec '" + codec
          + "'; one of " + BLOCK);
    };
  }

  /** lz4 with an explicit factory, to test the Java fallback where JNI loads. */
  public static BlockCodec lz4(String level, LZ4Factory factory) {
    return new Lz4BlockCodec(level(level, 1), factory);
  }

  public static StreamCodec stream(String codec, String level) {
    return switch (codec.toLowerCase(Locale.ROOT)) {
      case "gzip" -> StreamCodec.gzip(level(level, 6));
      case "zstd" -> StreamCodec.zstd(level(level, 3));
      case "xz" -> StreamCodec.xz(level(level, 6));
      default -> throw new IllegalArgumentException("unknown stream codec '" + codec
          + "'; one of " + STREAM);
    };
  }

  private static int level(String level, int fallback) {
    if (DEFAULT_LEVEL.equals(level)) {
      return fallback;
    }
    try {
      return Integer.parseInt(level.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("level must be a number or '" + DEFAULT_LEVEL + "': "
          + level, e);
    }
  }
}
