package dev.archbench.workloads.web.server;

import io.netty.util.AsciiString;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header, formatted once per second as real servers do (RFC 9110 IMF-fixdate). */
final class HttpDate {
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static volatile Cached cached = new Cached(-1, AsciiString.EMPTY_STRING);

  private record Cached(long second, AsciiString value) {}

  private HttpDate() {}

  static AsciiString now() {
    long second = System.currentTimeMillis() / 1000;
    Cached c = cached;
    if (c.second != second) {
      c = new Cached(second, AsciiString.cached(IMF_FIXDATE.format(Instant.ofEpochSecond(second))));
      cached = c;
    }
    return c.value;
  }
}
