package dev.archbench.harness.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user's HTTP service on loopback (a plain blocking server) that answers its first requests with
 * {@code 200 ok} and then fails in the way {@link Fault} says, for every request after: what a
 * {@code --target} run must survive with a failed benchmark and a reason, not a hang.
 */
final class MisbehavingService implements AutoCloseable {
  enum Fault {
    /** Reads the request, then keeps the connection open and says nothing. */
    NEVER_ANSWERS,
    /** Sends the head and part of the body, then closes the connection. */
    CLOSES_MID_ANSWER,
    /** Stops listening and closes every connection, as a process that died. */
    DIES
  }

  private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CUT = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nok"
      .getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket server;
  private final Fault fault;
  private final int goodAnswers;
  private final AtomicInteger requests = new AtomicInteger();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);

  private MisbehavingService(Fault fault, int goodAnswers) throws IOException {
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    this.fault = fault;
    this.goodAnswers = goodAnswers;
    Thread t = new Thread(this::accept, "misbehaving-service");
    t.setDaemon(true);
    t.start();
  }

  /** Starts a service that answers {@code goodAnswers} requests well, then fails with {@code fault}. */
  static MisbehavingService start(Fault fault, int goodAnswers) throws IOException {
    return new MisbehavingService(fault, goodAnswers);
  }

  String url() {
    return "http://127.0.0.1:" + server.getLocalPort() + "/";
  }

  int port() {
    return server.getLocalPort();
  }

  /** Requests read so far, failed ones included. */
  int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        open.add(s);
        Thread t = new Thread(() -> serve(s), "misbehaving-service-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      while (readHead(in)) {
        if (requests.incrementAndGet() <= goodAnswers) {
          out.write(OK);
          out.flush();
          continue;
        }
        switch (fault) {
          case NEVER_ANSWERS -> closed.await();
          case CLOSES_MID_ANSWER -> {
            out.write(CUT);
            out.flush();
          }
          case DIES -> close();
        }
        return;
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, or the service was closed
    } finally {
      open.remove(s);
    }
  }

  /** Reads one request's head (the load sends GET without a body); false at the end of the stream. */
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
  public void close() {
    closed.countDown();
    try {
      server.close();
    } catch (IOException ignored) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
