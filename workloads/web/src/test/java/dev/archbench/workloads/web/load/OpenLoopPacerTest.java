package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Coordinated omission on a synthetic schedule: one connection, a request intended every 1 ms, the
 * server answers in 0.1 ms except once, when it stalls for 100 ms. Timed from the actual send (what
 * a closed loop does), the stall is one slow request; timed from the intended send time, every
 * request that should have gone out during the stall or its backlog is late, as users would have
 * seen.
 */
class OpenLoopPacerTest {
  private static final long MS = 1_000_000;

  private static Histogram simulate(Pacer pacer, int requests) {
    Histogram h = new Histogram(3);
    long now = 0;
    for (int k = 0; k < requests; k++) {
      long intended = pacer.nextSendAt(now);
      long sentAt = Math.max(intended, now);
      long service = k == 100 ? 100 * MS : MS / 10;
      now = sentAt + service;
      h.recordValue(pacer.latency(sentAt, now));
    }
    return h;
  }

  @Test
  void correctedLatencyChargesTheStallToEveryDelayedRequest() {
    Histogram corrected = simulate(new OpenLoopPacer(0, MS), 1000);
    Histogram naive = simulate(Pacer.closedLoop(), 1000);
    // The naive view: only the one stalled request is slow.
    assertThat(naive.getValueAtPercentile(99)).isLessThan(MS);
    assertThat(naive.getMaxValue()).isGreaterThanOrEqualTo(100 * MS - MS);
    // Corrected: the ~100 requests intended during the stall, and those sent while the backlog
    // drains at 0.9 ms per request: 100 / 0.9 = ~111 answers later than 1 ms.
    long late = corrected.getCountBetweenValues(MS, Long.MAX_VALUE / 4);
    assertThat(late).isBetween(105L, 115L);
    assertThat(corrected.getValueAtPercentile(99)).isGreaterThan(50 * MS);
    assertThat(corrected.getValueAtPercentile(50)).isLessThan(MS);
  }

  @Test
  void schedulesAreStaggeredAcrossConnections() {
    OpenLoopPacer[] p = OpenLoopPacer.forRate(4000, 4, 1_000);
    // 4000/s over 4 connections: 1 ms apart on each connection, 0.25 ms apart across them.
    for (int i = 0; i < 4; i++) {
      assertThat(p[i].intervalNanos()).isEqualTo(MS);
      assertThat(p[i].nextSendAt(0)).isEqualTo(1_000 + i * MS / 4);
      assertThat(p[i].nextSendAt(0)).isEqualTo(1_000 + i * MS / 4 + MS);
    }
  }

  @Test
  void aLateSendStillCountsFromItsIntendedTime() {
    OpenLoopPacer p = new OpenLoopPacer(0, 10 * MS);
    assertThat(p.nextSendAt(0)).isZero();
    assertThat(p.latency(0, MS)).isEqualTo(MS);
    // The answer came at 25 ms: request 1 (intended at 10 ms) leaves late at 25 ms.
    assertThat(p.nextSendAt(25 * MS)).isEqualTo(10 * MS);
    assertThat(p.latency(25 * MS, 26 * MS)).isEqualTo(16 * MS);
  }
}
