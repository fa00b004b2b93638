package dev.archbench.workloads.web.userservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetRequestTest {
  @TempDir Path dir;

  @Test
  void withoutAFileItIsAGetOfTheUrlsPathAndQuery() {
    TargetRequest r = TargetRequest.of("http://127.0.0.1:8080/search?q=a%20b", null, null);
    assertThat(r.expectedStatus()).isEqualTo(200);
    assertThat(new String(r.bytes(), StandardCharsets.ISO_8859_1))
        .isEqualTo("GET /search?q=a%20b HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    assertThat(r.address().getPort()).isEqualTo(8080);
    assertThat(TargetRequest.of("http://service.internal", null, "204").address().getPort()).isEqualTo(80);
    assertThat(TargetRequest.of("http://service.internal", null, "204").path()).isEqualTo("/");
  }

  @Test
  void aRequestFileGivesMethodPathHeadersAndInlineBody() {
    TargetRequest r = TargetRequest.parse(URI.create("http://h:1/ignored"), """
        # created by hand
        # second comment

        POST /api/orders
        Content-Type: application/json
        Authorization: Bearer a:b

        {"sku": "A-1",
         "quantity": 2}
        """, dir, 201, "order.http");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.headers()).containsExactly(new TargetRequest.Header("Content-Type", "application/json"),
        new TargetRequest.Header("Authorization", "Bearer a:b"));
    String body = "{\"sku\": \"A-1\",\n \"quantity\": 2}";
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(body);
    assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("POST /api/orders HTTP/1.1\r\nHost: h:1\r\n"
        + "Content-Type: application/json\r\nAuthorization: Bearer a:b\r\nContent-Length: " + body.length() + "\r\n\r\n"
        + body);
  }

  @Test
  void theBodyComesFromAFileBesideTheRequestFileAndHostIsNotRepeated() throws Exception {
    byte[] bytes = {1, 2, 3, 0, (byte) 0xff};
    Files.write(dir.resolve("payload.bin"), bytes);
    Path file = Files.writeString(dir.resolve("upload.http"), "PUT\nHost: api.example\n\n< payload.bin\n");
    TargetRequest r = TargetRequest.of("http://127.0.0.1:9/v1/blob", file, null);
    assertThat(r.path()).isEqualTo("/v1/blob");
    assertThat(r.body()).isEqualTo(bytes);
    String head = new String(r.bytes(), 0, r.bytes().length - bytes.length, StandardCharsets.ISO_8859_1);
    assertThat(head).isEqualTo("PUT /v1/blob HTTP/1.1\r\nHost: api.example\r\nContent-Length: 5\r\n\r\n");
  }

  @Test
  void malformedInputIsOneLineNamingTheOption() throws Exception {
    assertThatThrownBy(() -> TargetRequest.of("ftp://h/", null, null)).hasMessage("--target: 'ftp://h/' is not an http://HOST[:PORT][/PATH] URL");
    assertThatThrownBy(() -> TargetRequest.of("https://h/", null, null)).hasMessageContaining("https is not supported");
    assertThatThrownBy(() -> TargetRequest.of("http://h/", null, "2000")).hasMessage("--target-status: '2000' is not an HTTP status code (100-599)");
    assertThatThrownBy(() -> TargetRequest.of("http://h/", dir.resolve("none.http"), null)).hasMessageStartingWith("--target-request: cannot read");
    for (String bad : List.of("", "# only a comment\n", "get /x\n", "GET x\n", "GET /x\nno colon here\n", "GET /x\nBad Name: v\n",
        "GET /x\n\n< missing.json\n")) {
      assertThatThrownBy(() -> TargetRequest.parse(URI.create("http://h/"), bad, dir, 200, "r.http"))
          .as(bad).hasMessageStartingWith("--target-request: r.http").hasMessageNotContaining("\n");
    }
  }
}
