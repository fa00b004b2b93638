package dev.archbench.harness.runner.lifecycle;

import dev.archbench.harness.fingerprint.ec2.ImdsClient;
import dev.archbench.record.Host;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * On a spot instance, polls IMDS {@code spot/instance-action} (AWS posts it two minutes before
 * reclaiming the instance) and turns a notice into an {@link Interruption}, like SIGTERM. Off spot,
 * nothing is started and nothing is contacted.
 */
public final class SpotWatcher implements AutoCloseable {
  static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private final Thread thread;

  private SpotWatcher(ImdsClient imds, Duration interval, Interruption interruption) {
    thread = new Thread(() -> poll(imds, interval, interruption), "archbench-spot-watcher");
    thread.setDaemon(true);
    thread.start();
  }

  /** A running watcher when the host is a spot instance and IMDS may be used; else empty. */
  public static Optional<SpotWatcher> startIfSpot(Host host, Map<String, String> env, Duration interval,
      Interruption interruption) {
    boolean spot = host != null && host.cloud() != null && "spot".equals(host.cloud().lifecycle());
    if (!spot) {
      return Optional.empty();
    }
    return ImdsClient.forHost(env, true).map(imds -> new SpotWatcher(imds, interval, interruption));
  }

  private static void poll(ImdsClient imds, Duration interval, Interruption interruption) {
    while (!Thread.currentThread().isInterrupted() && !interruption.requested()) {
      Optional<String> notice = imds.metadata("spot/instance-action");
      if (notice.isPresent() && !notice.get().isBlank()) {
        interruption.request(Interruption.Reason.SPOT, notice.get().replaceAll("\\s+", " "));
        return;
      }
      try {
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
