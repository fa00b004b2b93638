package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private static final String BODY = "{\"message\":\"Hello, World!\"}";
  private static final String ANSWER = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
      + "Content-Length: " + BODY.length() + "\r\ndate: Fri, 27 Nov 2026 10:00:00 GMT\r\n\r\n" + BODY;

  private static ResponseParser parser() {
    return new ResponseParser(Unpooled.copiedBuffer(BODY, StandardCharsets.US_ASCII));
  }

  private static ByteBuf bytes(String s) {
    return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
  }

  @Test
  void parsesAnAnswerSplitAtEveryPosition() {
    for (int split = 0; split <= ANSWER.length(); split++) {
      ResponseParser p = parser();
      boolean first = p.feed(bytes(ANSWER.substring(0, split)));
      boolean second = p.feed(bytes(ANSWER.substring(split)));
      assertThat(first || second).as("split at %d", split).isTrue();
      assertThat(p.status()).isEqualTo(200);
      assertThat(p.bodyMatches()).as("split at %d", split).isTrue();
      assertThat(p.error()).isNull();
    }
  }

  @Test
  void twoAnswersInARowOnOneConnection() {
    ResponseParser p = parser();
    ByteBuf in = bytes(ANSWER + ANSWER.replace("200 OK", "503 Busy"));
    assertThat(p.feed(in)).isTrue();
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.feed(in)).isTrue();
    assertThat(p.status()).isEqualTo(503);
    assertThat(in.isReadable()).isFalse();
  }

  @Test
  void detectsAWrongBodyOfTheSameLength() {
    ResponseParser p = parser();
    assertThat(p.feed(bytes(ANSWER.replace("World!", "Earth!")))).isTrue();
    assertThat(p.bodyMatches()).isFalse();
  }

  @Test
  void detectsAShorterBody() {
    ResponseParser p = parser();
    String shorter = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n{\"mes";
    assertThat(p.feed(bytes(shorter))).isTrue();
    assertThat(p.bodyMatches()).isFalse();
  }

  @Test
  void rejectsAnswersWithoutContentLengthOrChunkedEncoding() {
    ResponseParser p = parser();
    assertThat(p.feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n"))).isTrue();
    assertThat(p.error()).contains("Content-Length");
    assertThat(p.bodyMatches()).isFalse();
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    ResponseParser p = parser();
    assertThat(p.feed(bytes(ANSWER.replace("Content-Length", "CONTENT-LENGTH")))).isTrue();
    assertThat(p.bodyMatches()).isTrue();
  }

  @Test
  void chunkedAnswersSplitAtEveryPositionWithExtensionsAndTrailers() {
    String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + "7\r\n{\"messa\r\n" + "14;x=y\r\nge\":\"Hello, World!\"}\r\n" + "0\r\nX-T: 1\r\n\r\n";
    for (int split = 0; split <= chunked.length(); split++) {
      ResponseParser p = parser();
      boolean first = p.feed(bytes(chunked.substring(0, split)));
      boolean second = p.feed(bytes(chunked.substring(split)));
      assertThat(first || second).as("split at %d", split).isTrue();
      assertThat(p.error()).isNull();
      assertThat(p.bodyMatches()).as("split at %d", split).isTrue();
      assertThat(p.midAnswer()).isFalse();
    }
  }

  @Test
  void noBodyAfter204AndConnectionCloseIsNoted() {
    ResponseParser p = new ResponseParser(null);
    ByteBuf in = bytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n" + ANSWER);
    assertThat(p.feed(in)).isTrue();
    assertThat(p.status()).isEqualTo(204);
    assertThat(p.error()).isNull();
    assertThat(p.closesConnection()).isTrue();
    assertThat(p.feed(in)).isTrue();
    assertThat(p.status()).isEqualTo(200);
    assertThat(p.closesConnection()).isFalse();
    assertThat(p.bodyMatches()).isTrue();
  }

  @Test
  void anyBodyWillDoWhenNoneIsExpectedButFramingStillCounts() {
    ResponseParser p = new ResponseParser(null);
    assertThat(p.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc"))).isTrue();
    assertThat(p.bodyMatches()).isTrue();
    assertThat(p.feed(bytes("HTTP/1.1 200 OK\r\n\r\n"))).isTrue();
    assertThat(p.error()).isEqualTo("answer without Content-Length or chunked encoding");
    assertThat(p.bodyMatches()).isFalse();
  }
}
