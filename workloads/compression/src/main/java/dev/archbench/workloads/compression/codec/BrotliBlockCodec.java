package dev.archbench.workloads.compression.codec;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.encoder.Encoder;
import com.aayushatharva.brotli4j.encoder.EncoderJNI;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * brotli through brotli4j's JNI wrappers (what its {@code Encoder.compress} does, minus the
 * intermediate byte arrays). Brotli has no reset for a finished encoder, so each block creates
 * and destroys a native encoder state, exactly as the C library and the brotli CLI do per file;
 * the input is copied into the wrapper's native input buffer, which is the API's only way in. The
 * window is the smallest that holds the block (as the brotli CLI picks it from the file size):
 * the output is the same, but quality 11 does not build a 4 MiB-window hasher for a 4 KiB block.
 */
final class BrotliBlockCodec implements BlockCodec {
  private final int quality;

  BrotliBlockCodec(int quality) {
    if (quality < 0 || quality > 11) {
      throw new IllegalArgumentException("brotli level must be 0..11: " + quality);
    }
    Brotli4jLoader.ensureAvailability();
    this.quality = quality;
  }

  @Override
  public String id() {
    return "brotli-" + quality;
  }

  @Override
  public String implementation() {
    return Implementations.brotli();
  }

  @Override
  public boolean direct() {
    return true;
  }

  @Override
  public int maxCompressedLength(int length) {
    // BrotliEncoderMaxCompressedSize: input + 4 bytes per 16 MiB meta-block + headers.
    return length + (length >> 14) * 4 + 1024;
  }

  @Override
  public int compress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int dstCap) throws IOException {
    EncoderJNI.Wrapper encoder =
        new EncoderJNI.Wrapper(srcLen, quality, windowBits(srcLen), Encoder.Mode.GENERIC);
    try {
      encoder.getInputBuffer().put(BlockCodec.window(src, srcOff, srcLen));
      encoder.push(EncoderJNI.Operation.FINISH, srcLen);
      BlockCodec.window(dst, dstOff, dstCap);
      while (true) {
        if (!encoder.isSuccess()) {
          throw new IOException("brotli encoding failed");
        } else if (encoder.hasMoreOutput()) {
          ByteBuffer out = encoder.pull();
          if (out.remaining() > dst.remaining()) {
            throw new IOException("brotli output exceeds " + dstCap + " bytes");
          }
          dst.put(out);
        } else if (!encoder.isFinished()) {
          encoder.push(EncoderJNI.Operation.FINISH, 0);
        } else {
          return dst.position() - dstOff;
        }
      }
    } finally {
      encoder.destroy();
    }
  }

  /** Smallest lgwin in brotli's 10..24 whose window, (1 << lgwin) - 16 bytes, holds the block. */
  static int windowBits(int length) {
    int bits = 10;
    while (bits < 24 && (1 << bits) - 16 < length) {
      bits++;
    }
    return bits;
  }

  @Override
  public int decompress(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff,
      int originalLen) throws IOException {
    DecoderJNI.Wrapper decoder = new DecoderJNI.Wrapper(srcLen);
    try {
      decoder.getInputBuffer().put(BlockCodec.window(src, srcOff, srcLen));
      decoder.push(srcLen);
      BlockCodec.window(dst, dstOff, originalLen);
      while (true) {
        switch (decoder.getStatus()) {
          case DONE:
            return dst.position() - dstOff;
          case OK:
            decoder.push(0);
            break;
          case NEEDS_MORE_OUTPUT:
            ByteBuffer out = decoder.pull();
            if (out.remaining() > dst.remaining()) {
              throw new IOException("brotli block decodes to more than " + originalLen + " bytes");
            }
            dst.put(out);
            break;
          case NEEDS_MORE_INPUT:
            decoder.push(0);
            if (decoder.getStatus() == DecoderJNI.Status.NEEDS_MORE_INPUT) {
              throw new IOException("truncated brotli block");
            }
            break;
          default:
            throw new IOException("corrupt brotli block");
        }
      }
    } finally {
      decoder.destroy();
    }
  }

  @Override
  public void close() {}
}
