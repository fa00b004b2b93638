package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.workloads.web.server.ServerConfig;
import dev.archbench.workloads.web.server.WebServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tiny, bounded runs against a real server on loopback: counts and orderings, never timings. */
class LoadGeneratorTest {
  private static WebServer server;
  private static LoadTarget target;

  @BeforeAll
  static void start() throws Exception {
    server = WebServer.start(ServerConfig.loopback().withIoThreads(1));
    target = new LoadTarget(server.address(), null, server.transport());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void closedLoopAnswersAreCheckedAndCounted() throws Exception {
    byte[] body = HttpProbe.validate(target, Endpoint.ORDERS_GZIP);
    try (LoadGenerator gen = LoadGenerator.closedLoop(target, Endpoint.ORDERS_GZIP, body, 1, 3)) {
      Measurement m = Measurement.run(gen, new CpuSplit.Meter(server::cpuNanos, gen::cpuNanos), 0.2, 0.4, 2);
      assertThat(m.errors()).isZero();
      assertThat(m.iterations()).hasSize(2);
      assertThat(m.completed()).isPositive();
      Histogram h = m.latencies();
      assertThat(h.getValueAtPercentile(50)).isLessThanOrEqualTo(h.getValueAtPercentile(99));
      assertThat(h.getValueAtPercentile(99)).isLessThanOrEqualTo(h.getMaxValue());
      assertThat(m.cpu().serverCores()).isPositive();
      assertThat(m.cpu().clientCores()).isPositive();
    }
  }

  @Test
  void wrongAnswersAreCountedAsErrors() throws Exception {
    // Expect the /plaintext body but ask for /json: every answer must be flagged.
    byte[] wrong = HttpProbe.validate(target, Endpoint.PLAINTEXT);
    try (LoadGenerator gen = LoadGenerator.closedLoop(target, Endpoint.JSON, wrong, 1, 2)) {
      Thread.sleep(200);
      Interval i = gen.interval();
      assertThat(i.errors()).isPositive();
      assertThat(i.completed()).isZero();
      assertThat(gen.firstError()).contains("body differs");
    }
  }

  @Test
  void openLoopOffersTheRequestedRate() throws Exception {
    byte[] body = HttpProbe.validate(target, Endpoint.JSON);
    double rate = 400;
    long start = System.nanoTime();
    try (LoadGenerator gen = LoadGenerator.openLoop(target, Endpoint.JSON, body, 1, 4, rate)) {
      Measurement m = Measurement.run(gen, new CpuSplit.Meter(() -> 0, gen::cpuNanos), 0.2, 1.0, 1);
      double offeredSoFar = rate * (System.nanoTime() - start) / 1e9 + 4;
      assertThat(m.errors()).isZero();
      // Never more than the schedule offered since the start (one ahead per connection at most);
      // fewer when the shared machine stalls us, which the latencies then show.
      assertThat(m.completed()).isBetween(1L, (long) offeredSoFar);
      Histogram h = m.latencies();
      assertThat(h.getValueAtPercentile(90)).isLessThanOrEqualTo(h.getValueAtPercentile(99.9));
    }
  }
}
