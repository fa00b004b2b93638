package dev.archbench.workloads.web.load;

/**
 * When one connection sends its next request and from when its latency counts. A closed loop sends
 * as soon as the previous answer arrived and times from the send; an open loop sends on a fixed
 * schedule and times from the <em>intended</em> send time, so a stalled server is charged for every
 * request it kept waiting (coordinated-omission correction, as wrk2 does).
 */
public interface Pacer {
  /** The intended time of the next request ({@link System#nanoTime()} scale); advances the schedule. */
  long nextSendAt(long nowNanos);

  /** Latency to record for the request that was actually sent at {@code sentAt} and completed now. */
  long latency(long sentAtNanos, long completedAtNanos);

  /** The closed loop: send immediately, time from the actual send. */
  static Pacer closedLoop() {
    return new Pacer() {
      @Override
      public long nextSendAt(long nowNanos) {
        return nowNanos;
      }

      @Override
      public long latency(long sentAtNanos, long completedAtNanos) {
        return completedAtNanos - sentAtNanos;
      }
    };
  }
}
