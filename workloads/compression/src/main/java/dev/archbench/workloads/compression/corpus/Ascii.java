package dev.archbench.workloads.compression.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A growing ASCII buffer with number formatting done by integer arithmetic, so output never
 * depends on the default locale or on floating-point formatting code.
 */
final class Ascii {
  private final ByteArrayOutputStream out;

  Ascii(int capacity) {
    out = new ByteArrayOutputStream(capacity);
  }

  Ascii add(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    out.write(b, 0, b.length);
    return this;
  }

  Ascii add(char c) {
    out.write(c);
    return this;
  }

  Ascii add(long v) {
    return add(Long.toString(v));
  }

  /** {@code value} rounded to {@code decimals} places, e.g. 21.375, 2 → "21.38". */
  Ascii fixed(double value, int decimals) {
    long scale = 1;
    for (int i = 0; i < decimals; i++) {
      scale *= 10;
    }
    long scaled = Math.round(value * scale);
    if (scaled < 0) {
      out.write('-');
      scaled = -scaled;
    }
    add(scaled / scale);
    if (decimals > 0) {
      out.write('.');
      String frac = Long.toString(scaled % scale);
      for (int i = frac.length(); i < decimals; i++) {
        out.write('0');
      }
      add(frac);
    }
    return this;
  }

  /** Zero-padded non-negative integer. */
  Ascii padded(long v, int width) {
    String s = Long.toString(v);
    for (int i = s.length(); i < width; i++) {
      out.write('0');
    }
    return add(s);
  }

  Ascii hex(long v, int digits) {
    for (int i = digits - 1; i >= 0; i--) {
      out.write(Character.forDigit((int) ((v >>> (4 * i)) & 0xF), 16));
    }
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
