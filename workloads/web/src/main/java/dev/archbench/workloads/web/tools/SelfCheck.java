package dev.archbench.workloads.web.tools;

import dev.archbench.workloads.web.jmh.CryptoBenchmark;
import dev.archbench.workloads.web.jmh.HttpPathBenchmark;
import dev.archbench.workloads.web.jmh.JacksonBenchmark;
import dev.archbench.workloads.web.load.Endpoint;
import dev.archbench.workloads.web.load.HttpProbe;
import dev.archbench.workloads.web.load.Interval;
import dev.archbench.workloads.web.load.LoadGenerator;
import dev.archbench.workloads.web.load.LoadTarget;
import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.TlsMode;
import dev.archbench.workloads.web.server.Transport;
import dev.archbench.workloads.web.server.WebServer;
import java.util.List;

/**
 * Correctness on this platform, no timings (used under qemu for aarch64): native epoll loads, every
 * endpoint answers correctly over plain HTTP and over TLS 1.3 with both providers, and a short
 * closed-loop and open-loop run through archbench's own generator sees only correct answers.
 * Prints one line per check; exits 1 on the first failure.
 */
public final class SelfCheck {
  private SelfCheck() {}

  public static void main(String[] args) throws Exception {
    System.out.println("platform: " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        + ", " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    try {
      for (TlsMode mode : List.of(TlsMode.NONE, TlsMode.JDK, TlsMode.OPENSSL)) {
        check(mode);
      }
      microbenchmarks();
    } catch (Exception | AssertionError e) {
      System.out.println("FAIL: " + e);
      System.exit(1);
    }
    System.out.println("all checks passed");
  }

  private static void check(TlsMode mode) throws Exception {
    String why = mode.unavailableReason().orElse(null);
    if (why != null) {
      throw new IllegalStateException("TLS " + mode.id() + " unavailable: " + why);
    }
    try (WebServer server = WebServer.start(ServerConfig.loopback().withIoThreads(1).withTls(mode))) {
      if (server.transport() != Transport.EPOLL) {
        throw new IllegalStateException("expected native epoll, got " + server.transportDescription());
      }
      LoadTarget target = new LoadTarget(server.address(),
          mode.enabled() ? server.tls().clientContext(mode) : null, server.transport());
      for (Endpoint e : Endpoint.values()) {
        HttpProbe.validate(target, e);
      }
      String protocol = HttpProbe.send(target, Endpoint.JSON.request(target.hostHeader())).tlsProtocol();
      System.out.printf("ok: server transport=%s tls=%s (%s), all endpoints answer the expected bodies%n",
          server.transportDescription(), mode.id(), mode.enabled() ? protocol + ", " + mode.describe() : "plain");
      byte[] body = HttpProbe.validate(target, Endpoint.JSON);
      try (LoadGenerator gen = LoadGenerator.closedLoop(target, Endpoint.ORDERS_GZIP,
          HttpProbe.validate(target, Endpoint.ORDERS_GZIP), 1, 2)) {
        System.out.printf("ok: closed loop on /api/orders (gzip), 2 connections, %d answers, all correct%n",
            answers(gen, "closed loop"));
      }
      try (LoadGenerator gen = LoadGenerator.openLoop(target, Endpoint.JSON, body, 1, 2, 20)) {
        System.out.printf("ok: open loop on /json at 20 req/s, %d answers, all correct%n",
            answers(gen, "open loop"));
      }
      require(server.handler().serverErrors() == 0, "server answered 5xx");
    }
  }

  /** The JMH benchmarks' setups validate what they measure (round trips, status 200); run them once. */
  private static void microbenchmarks() throws Exception {
    JacksonBenchmark j = new JacksonBenchmark();
    j.setup();
    j.serialize();
    CryptoBenchmark c = new CryptoBenchmark();
    c.size = 1024;
    c.setup();
    c.aesGcmEncrypt();
    c.aesGcmDecrypt();
    c.sha256();
    for (String r : List.of("get-json", "post-orders", "post-orders-gzip")) {
      HttpPathBenchmark h = new HttpPathBenchmark();
      h.request = r;
      h.setup();
      require(h.handle() > 0, "http.handle " + r + " produced no response");
      h.tearDown();
    }
    System.out.println("ok: microbenchmark setups validate (Jackson round trip, AES-GCM round trip, "
        + "HTTP pipeline 200s); JDK intrinsics: " + CryptoBenchmark.intrinsics());
  }

  /** Runs until at least 20 correct answers (at most 60 s: emulation is slow); fails on any wrong one. */
  private static long answers(LoadGenerator gen, String what) throws InterruptedException {
    long answers = 0;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (answers < 20 && System.nanoTime() < deadline) {
      Thread.sleep(250);
      Interval i = gen.interval();
      if (i.errors() > 0) {
        throw new IllegalStateException(what + ": " + i.errors() + " wrong answers, first: " + gen.firstError());
      }
      answers += i.completed();
    }
    require(answers >= 20, what + ": fewer than 20 answers in 60 s");
    return answers;
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }
}
