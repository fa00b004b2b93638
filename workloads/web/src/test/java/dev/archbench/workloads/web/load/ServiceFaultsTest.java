package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.archbench.workloads.web.server.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A user's service that fails under load, played by a blocking server on loopback that answers its
 * first requests and then never answers, cuts an answer short, or dies. The load generator must
 * count an error that says which (never wait for ever), and a service that cannot be reached must be
 * one line without exception class names.
 */
class ServiceFaultsTest {
  private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  private static final Exchange OK = new Exchange(REQUEST, 200, null);

  private enum Fault { NEVER_ANSWERS, CLOSES_MID_ANSWER, DIES }

  @Test
  void aRequestThatIsNeverAnsweredIsAnErrorAfterTheAnswerTimeout() throws Exception {
    assertThat(firstErrorUnder(Fault.NEVER_ANSWERS)).isEqualTo("no answer within 300 ms");
  }

  @Test
  void anAnswerCutShortIsAnErrorThatSaysSo() throws Exception {
    assertThat(firstErrorUnder(Fault.CLOSES_MID_ANSWER))
        .isEqualTo("the service closed the connection in the middle of an answer");
  }

  @Test
  void aServiceThatDiesWithARequestInFlightIsAnErrorThatSaysSo() throws Exception {
    assertThat(firstErrorUnder(Fault.DIES)).isEqualTo("the service closed the connection before answering");
  }

  @Test
  void theProbeSaysWhenAnAnswerWasCutShort() throws Exception {
    try (Service s = new Service(Fault.CLOSES_MID_ANSWER, 0)) {
      assertThatThrownBy(() -> HttpProbe.send(s.target(), REQUEST))
          .hasRootCauseMessage("the connection closed in the middle of the answer");
    }
  }

  @Test
  void aServiceThatIsGoneIsOneLineWithoutExceptionNames() throws Exception {
    LoadTarget gone;
    try (Service s = new Service(Fault.DIES, 0)) {
      gone = s.target();
    }
    assertThatThrownBy(() -> LoadGenerator.closedLoop(gone, OK, 1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("cannot connect to " + gone.hostHeader() + ": ")
        .hasMessageContaining("Connection refused")
        .hasMessageNotContaining("Exception");
  }

  /** Closed loop on one connection against a service that answers three requests, then fails. */
  private static String firstErrorUnder(Fault fault) throws Exception {
    try (Service s = new Service(fault, 3);
        LoadGenerator gen = new LoadGenerator(s.target(), OK, 1, 1, i -> Pacer.closedLoop(), Duration.ofMillis(300))) {
      // Bounded wait, generous for a busy machine: nothing here is timed.
      for (int i = 0; i < 300 && gen.firstError() == null; i++) {
        Thread.sleep(100);
      }
      Interval seen = gen.interval();
      assertThat(seen.completed()).isEqualTo(3);
      assertThat(seen.errors()).isEqualTo(1);
      return gen.firstError();
    }
  }

  /** The service: answers {@code good} requests with 200, then fails every request with {@code fault}. */
  private static final class Service implements AutoCloseable {
    private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Fault fault;
    private final int good;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    Service(Fault fault, int good) throws IOException {
      this.fault = fault;
      this.good = good;
      Thread t = new Thread(() -> {
        while (!server.isClosed()) {
          try {
            Socket c = server.accept();
            Thread ct = new Thread(() -> serve(c));
            ct.setDaemon(true);
            ct.start();
          } catch (IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
    }

    LoadTarget target() {
      return new LoadTarget(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), null,
          Transport.select(false));
    }

    private void serve(Socket c) {
      try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
        while (readHead(in)) {
          if (requests.incrementAndGet() <= good) {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            continue;
          }
          switch (fault) {
            case NEVER_ANSWERS -> closed.await();
            case CLOSES_MID_ANSWER -> {
              out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
              out.flush();
            }
            case DIES -> server.close();
          }
          return;
        }
      } catch (IOException | InterruptedException e) {
        // the client went away
      }
    }

    private static boolean readHead(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      for (int b; (b = in.read()) >= 0; ) {
        head.write(b);
        if (head.size() >= 4 && head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
          return true;
        }
      }
      return false;
    }

    @Override
    public void close() throws IOException {
      closed.countDown();
      server.close();
    }
  }
}
