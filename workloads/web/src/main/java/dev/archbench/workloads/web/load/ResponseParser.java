package dev.archbench.workloads.web.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * A minimal HTTP/1.1 response parser for the load generator: reads the status and
 * {@code Content-Length} as bytes stream in (answers may be split anywhere) and compares the body
 * with the expected one without copying it. It keeps nothing else, so checking every answer costs
 * about what wrk's parser costs. Answers without {@code Content-Length} (chunked) are rejected: the
 * server under test always sends it.
 */
final class ResponseParser {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_LINE = 64;

  private final ByteBuf expected;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private boolean inBody;
  private boolean statusLine = true;
  private int status;
  private long contentLength;
  private long bodyRead;
  private boolean bodyMatches;
  private String error;

  /** @param expected the body every answer must have, or null to accept any body */
  ResponseParser(ByteBuf expected) {
    this.expected = expected;
    reset();
  }

  /**
   * Consumes bytes of {@code in} up to the end of the current answer.
   *
   * @return true when an answer ended (its facts are then readable until the next call)
   */
  boolean feed(ByteBuf in) {
    if (!inBody) {
      while (in.isReadable()) {
        byte b = in.readByte();
        if (b == '\n') {
          if (endOfLine()) {
            break;
          }
        } else if (b != '\r' && lineLength < MAX_LINE) {
          line[lineLength++] = b;
        }
      }
      if (!inBody) {
        return false;
      }
    }
    int n = (int) Math.min(in.readableBytes(), contentLength - bodyRead);
    if (n > 0) {
      if (bodyMatches && expected != null) {
        bodyMatches = bodyRead + n <= expected.readableBytes()
            && ByteBufUtil.equals(in, in.readerIndex(), expected, (int) bodyRead, n);
      }
      in.skipBytes(n);
      bodyRead += n;
    }
    if (bodyRead == contentLength) {
      inBody = false;
      statusLine = true;
      return true;
    }
    return false;
  }

  /** Ends a header line; true when it was the blank line that ends the head. */
  private boolean endOfLine() {
    if (statusLine) {
      statusLine = false;
      status = lineLength >= 12 ? parseStatus() : -1;
      contentLength = -1;
      bodyRead = 0;
      bodyMatches = true;
      error = null;
    } else if (lineLength == 0) {
      if (contentLength < 0) {
        error = "answer without Content-Length";
        contentLength = 0;
        bodyMatches = false;
      }
      inBody = true;
      lineLength = 0;
      return true;
    } else if (startsWithIgnoreCase(CONTENT_LENGTH)) {
      contentLength = parseLength(CONTENT_LENGTH.length);
    }
    lineLength = 0;
    return false;
  }

  private int parseStatus() {
    int s = 0;
    for (int i = 9; i < 12; i++) {
      int d = line[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      s = s * 10 + d;
    }
    return s;
  }

  private long parseLength(int from) {
    long v = 0;
    boolean digits = false;
    for (int i = from; i < lineLength; i++) {
      byte b = line[i];
      if (b >= '0' && b <= '9') {
        v = v * 10 + (b - '0');
        digits = true;
      } else if (b != ' ' && b != '\t') {
        return -1;
      }
    }
    return digits ? v : -1;
  }

  private boolean startsWithIgnoreCase(byte[] prefix) {
    if (lineLength < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((line[i] | 0x20) != prefix[i] && line[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private void reset() {
    lineLength = 0;
    statusLine = true;
    inBody = false;
  }

  /** True while an answer is partly read. */
  boolean midAnswer() {
    return inBody || !statusLine || lineLength > 0;
  }

  int status() {
    return status;
  }

  /** Whether the body equalled the expected body exactly (same length, same bytes). */
  boolean bodyMatches() {
    return expected == null || bodyMatches && bodyRead == expected.readableBytes();
  }

  long bodyLength() {
    return bodyRead;
  }

  /** A framing problem of the last answer, or null. */
  String error() {
    return error;
  }
}
