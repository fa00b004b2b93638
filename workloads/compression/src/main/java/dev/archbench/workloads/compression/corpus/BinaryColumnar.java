package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.io.ByteArrayOutputStream;

/**
 * A mixed binary file as analytics and RPC systems write them: pages of protobuf-style records
 * (tagged varints, zig-zag deltas, IEEE doubles with noisy mantissas, short dictionary strings
 * and recurring opaque 16-byte ids) alternating with columnar pages (delta-encoded timestamps,
 * dictionary codes, little-endian float32 columns). Byte-level structure without text.
 */
final class BinaryColumnar {
  private static final String[] DICT = {
    "ok", "retry", "timeout", "cache-hit", "cache-miss", "eu-west-1", "us-east-1", "mobile",
    "desktop", "tablet", "en-US", "de-DE", "ja-JP", "pt-BR", "premium", "free"
  };
  private static final int ROWS_PER_PAGE = 512;

  private BinaryColumnar() {}

  static byte[] generate(long seed, int size) {
    SplitMix64 rnd = new SplitMix64(seed);
    Zipf dict = new Zipf(DICT.length, 1.1);
    Zipf accounts = new Zipf(20_000, 0.95);
    // Entity ids (sessions, devices) recur: a pool of random 16-byte ids drawn by popularity.
    byte[][] ids = new byte[4096][16];
    for (byte[] id : ids) {
      rnd.nextBytes(id, 0, id.length);
    }
    Zipf idPopularity = new Zipf(ids.length, 1.0);
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 65536);
    long time = 1_767_225_600_000L;
    double price = 100;
    while (out.size() < size) {
      // Row-oriented page: one length-prefixed message per event.
      ByteArrayOutputStream msg = new ByteArrayOutputStream(128);
      for (int r = 0; r < ROWS_PER_PAGE && out.size() < size; r++) {
        msg.reset();
        time += (long) rnd.exponential(20);
        price = Math.max(1, price * (1 + 0.001 * rnd.nextGaussian()));
        tag(msg, 1, 0);
        varint(msg, time);
        tag(msg, 2, 0);
        varint(msg, 10_000 + accounts.sample(rnd));
        tag(msg, 3, 1);
        fixed64(msg, Double.doubleToLongBits(price));
        tag(msg, 4, 0);
        varint(msg, zigzag((long) (rnd.nextGaussian() * 40)));
        byte[] s = DICT[dict.sample(rnd)].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        tag(msg, 5, 2);
        varint(msg, s.length);
        msg.write(s, 0, s.length);
        tag(msg, 6, 2);
        byte[] id = ids[idPopularity.sample(rnd)];
        varint(msg, id.length);
        msg.write(id, 0, id.length);
        if (rnd.chance(0.3)) {
          tag(msg, 7, 0);
          varint(msg, rnd.nextInt(1 << rnd.between(1, 20)));
        }
        varint(out, msg.size());
        out.write(msg.toByteArray(), 0, msg.size());
      }
      // Columnar page: the same kind of data laid out column by column.
      long t = time;
      for (int r = 0; r < ROWS_PER_PAGE && out.size() < size; r++) {
        long next = t + (long) rnd.exponential(20);
        varint(out, next - t);
        t = next;
      }
      for (int r = 0; r < ROWS_PER_PAGE && out.size() < size; r++) {
        out.write(dict.sample(rnd));
      }
      float level = (float) (50 + 10 * rnd.nextGaussian());
      for (int r = 0; r < ROWS_PER_PAGE && out.size() < size; r++) {
        level += (float) (0.2 * rnd.nextGaussian());
        int bits = Float.floatToIntBits(level);
        out.write(bits);
        out.write(bits >>> 8);
        out.write(bits >>> 16);
        out.write(bits >>> 24);
      }
    }
    return CorpusSizes.exactly(out.toByteArray(), size);
  }

  private static void tag(ByteArrayOutputStream out, int field, int wireType) {
    varint(out, ((long) field << 3) | wireType);
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static void varint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static void fixed64(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (v >>> (8 * i)));
    }
  }
}
