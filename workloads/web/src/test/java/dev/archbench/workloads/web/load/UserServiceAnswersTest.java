package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.web.server.Transport;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What users' services do that archbench's own server does not: chunked answers, 201 with any body,
 * and closing keep-alive connections after a few answers ({@code Connection: close}, keep-alive
 * limits). A plain blocking server on loopback plays such a service; the load generator must count
 * every answer with no error and replace the closed connections.
 */
class UserServiceAnswersTest {

  @Test
  void chunkedAnswersAndConnectionsClosedBetweenAnswersAreNoErrors() throws Exception {
    AtomicInteger answered = new AtomicInteger();
    try (ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> serve(ss, answered), "chunked-service");
      server.setDaemon(true);
      server.start();
      LoadTarget target = new LoadTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), ss.getLocalPort()),
          null, Transport.select(false));
      byte[] request = ("POST /orders HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII);
      try (LoadGenerator gen = LoadGenerator.closedLoop(target, new Exchange(request, 201, null), 1, 2)) {
        Measurement m = Measurement.run(gen, new CpuSplit.Meter(() -> 0, gen::cpuNanos), 0.1, 0.5, 1);
        assertThat(m.errors()).as(gen.firstError()).isZero();
        assertThat(m.completed()).isGreaterThan(6);
        assertThat(gen.reconnects()).isPositive();
      }
      try (LoadGenerator gen = LoadGenerator.closedLoop(target, new Exchange(request, 200, null), 1, 1)) {
        Thread.sleep(200);
        assertThat(gen.interval().errors()).isPositive();
        assertThat(gen.firstError()).isEqualTo("status 201");
      }
    }
  }

  /** Answers 201 in two chunks; every third answer on a connection says Connection: close and closes. */
  private static void serve(ServerSocket ss, AtomicInteger answered) {
    while (!ss.isClosed()) {
      try {
        Socket s = ss.accept();
        Thread t = new Thread(() -> connection(s, answered));
        t.setDaemon(true);
        t.start();
      } catch (Exception e) {
        return;
      }
    }
  }

  private static void connection(Socket s, AtomicInteger answered) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      for (int n = 1; ; n++) {
        if (!readRequest(in)) {
          return;
        }
        boolean close = n % 3 == 0;
        String answer = "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
            + (close ? "Connection: close\r\n" : "") + "\r\n" + "7\r\n{\"id\":4\r\n" + "a;ext=1\r\n2,\"ok\":tr\r\n"
            + "3\r\nue}\r\n" + "0\r\nX-Trailer: t\r\n\r\n";
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        answered.incrementAndGet();
        if (close) {
          return;
        }
      }
    } catch (Exception e) {
      // the client went away
    }
  }

  /** Reads one request with a 2-byte body; false at the end of the stream. */
  private static boolean readRequest(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
        return in.readNBytes(2).length == 2;
      }
    }
    return false;
  }
}
