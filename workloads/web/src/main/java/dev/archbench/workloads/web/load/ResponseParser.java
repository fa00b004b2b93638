package dev.archbench.workloads.web.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/**
 * A minimal HTTP/1.1 response parser for the load generator: reads the status and the framing
 * ({@code Content-Length}, or {@code Transfer-Encoding: chunked} as a user's service may send) as
 * bytes stream in (answers may be split anywhere) and compares the body with the expected one without
 * copying it. It keeps nothing else, so checking every answer costs about what wrk's parser costs.
 * Answers to 1xx, 204 and 304 have no body; any other answer without framing is an error. It also notes
 * {@code Connection: close}, after which the connection must be replaced.
 */
final class ResponseParser {
  private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] CONNECTION = "connection:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_LINE = 64;

  /** Where a chunked body is: a size line, data, the CRLF after data, or the trailer after the last chunk. */
  private enum Chunk { SIZE, DATA, DATA_END, TRAILER }

  private final ByteBuf expected;
  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private boolean inBody;
  private boolean statusLine = true;
  private int status;
  private long contentLength;
  private boolean chunked;
  private Chunk chunk;
  private long chunkRemaining;
  private boolean close;
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
    boolean done = chunked ? chunkedBody(in) : lengthBody(in);
    if (done) {
      inBody = false;
      statusLine = true;
    }
    return done;
  }

  private boolean lengthBody(ByteBuf in) {
    body(in, contentLength - bodyRead);
    return bodyRead == contentLength;
  }

  private boolean chunkedBody(ByteBuf in) {
    while (in.isReadable()) {
      if (chunk == Chunk.DATA) {
        chunkRemaining -= body(in, chunkRemaining);
        if (chunkRemaining == 0) {
          chunk = Chunk.DATA_END;
        }
        continue;
      }
      byte b = in.readByte();
      if (b != '\n') {
        if (b != '\r' && lineLength < MAX_LINE) {
          line[lineLength++] = b;
        }
        continue;
      }
      switch (chunk) {
        case SIZE -> {
          long size = parseHex();
          if (size < 0) {
            error = "malformed chunk size";
            bodyMatches = false;
            lineLength = 0;
            return true;
          }
          chunk = size == 0 ? Chunk.TRAILER : Chunk.DATA;
          chunkRemaining = size;
        }
        case DATA_END -> chunk = Chunk.SIZE;
        case TRAILER -> {
          if (lineLength == 0) {
            return true;
          }
        }
        default -> throw new IllegalStateException(chunk.name());
      }
      lineLength = 0;
    }
    return false;
  }

  /** Reads up to {@code max} body bytes, comparing them with the expected body; returns how many. */
  private long body(ByteBuf in, long max) {
    int n = (int) Math.min(in.readableBytes(), max);
    if (n > 0) {
      if (bodyMatches && expected != null) {
        bodyMatches = bodyRead + n <= expected.readableBytes()
            && ByteBufUtil.equals(in, in.readerIndex(), expected, (int) bodyRead, n);
      }
      in.skipBytes(n);
      bodyRead += n;
    }
    return Math.max(0, n);
  }

  /** Ends a header line; true when it was the blank line that ends the head. */
  private boolean endOfLine() {
    if (statusLine) {
      statusLine = false;
      status = lineLength >= 12 ? parseStatus() : -1;
      contentLength = -1;
      chunked = false;
      close = false;
      bodyRead = 0;
      bodyMatches = true;
      error = null;
    } else if (lineLength == 0) {
      if (chunked) {
        chunk = Chunk.SIZE;
      } else if (status / 100 == 1 || status == 204 || status == 304) {
        contentLength = 0; // no body, whatever the headers say
      } else if (contentLength < 0) {
        error = "answer without Content-Length or chunked encoding";
        contentLength = 0;
        bodyMatches = false;
      }
      inBody = true;
      lineLength = 0;
      return true;
    } else if (startsWithIgnoreCase(CONTENT_LENGTH)) {
      contentLength = parseLength(CONTENT_LENGTH.length);
    } else if (startsWithIgnoreCase(TRANSFER_ENCODING)) {
      chunked = valueContains(TRANSFER_ENCODING.length, "chunked");
    } else if (startsWithIgnoreCase(CONNECTION)) {
      close = valueContains(CONNECTION.length, "close");
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

  /** A chunk size: hex digits, then optional extensions after ';'. */
  private long parseHex() {
    long v = 0;
    boolean digits = false;
    for (int i = 0; i < lineLength; i++) {
      int d = Character.digit(line[i], 16);
      if (d >= 0 && v < (1L << 40)) {
        v = v * 16 + d;
        digits = true;
      } else if (line[i] == ';' || line[i] == ' ' || line[i] == '\t') {
        break;
      } else {
        return -1;
      }
    }
    return digits ? v : -1;
  }

  private boolean valueContains(int from, String token) {
    String v = new String(line, from, lineLength - from, java.nio.charset.StandardCharsets.US_ASCII);
    return v.toLowerCase(java.util.Locale.ROOT).contains(token);
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

  /** Whether the body equalled the expected body exactly (same length, same bytes); always, when none is expected. */
  boolean bodyMatches() {
    return expected == null ? error == null : bodyMatches && bodyRead == expected.readableBytes();
  }

  long bodyLength() {
    return bodyRead;
  }

  /** Whether the server said {@code Connection: close}: it closes the connection after this answer. */
  boolean closesConnection() {
    return close;
  }

  /** A framing problem of the last answer, or null. */
  String error() {
    return error;
  }
}
