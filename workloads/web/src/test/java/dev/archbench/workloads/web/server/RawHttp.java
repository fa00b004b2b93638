package dev.archbench.workloads.web.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Raw bytes to a loopback port over a plain socket, for requests no HTTP client would send. */
final class RawHttp {
  /** The first answer's status (-1 when the server closed without one) and all bytes read. */
  record Result(int status, String text, boolean closed) {}

  private RawHttp() {}

  static Result exchange(int port, byte[] request) throws IOException {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(3000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[8192];
      boolean closed = false;
      try {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
          if (out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && complete(out)) {
            break;
          }
        }
        closed = n < 0;
      } catch (SocketTimeoutException | java.net.SocketException e) {
        closed = e instanceof java.net.SocketException;
      }
      String text = out.toString(StandardCharsets.ISO_8859_1);
      int status = text.startsWith("HTTP/1.") && text.length() >= 12
          ? Integer.parseInt(text.substring(9, 12)) : -1;
      return new Result(status, text, closed);
    }
  }

  private static boolean complete(ByteArrayOutputStream out) {
    String t = out.toString(StandardCharsets.ISO_8859_1);
    int head = t.indexOf("\r\n\r\n");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(t);
    return m.find() && t.length() - head - 4 >= Integer.parseInt(m.group(1));
  }
}
