package dev.archbench.workloads.selftest;

import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.Scenario;
import dev.archbench.workload.ScenarioMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A trivial {@link Scenario}: checksums a buffer in a loop for the profile's warm-up and measurement
 * times and reports operations per second per iteration. It exercises the runner's scenario path
 * (forked JVM, settings, result read back) the way the web load tests use it.
 */
public final class CountingScenario implements Scenario {
  @Override
  public ScenarioMeasurement run(Map<String, String> params, ScenarioSettings settings) {
    int bytes = Integer.parseInt(params.getOrDefault("bytes", "4096"));
    byte[] buffer = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      buffer[i] = (byte) (i * 31);
    }
    measure(buffer, settings.warmupSeconds());
    List<Double> perIteration = new ArrayList<>();
    for (int i = 0; i < settings.iterations(); i++) {
      perIteration.add(measure(buffer, settings.measureSeconds()));
    }
    ResultNotes.current().attribute("implementation", "java.util.zip.CRC32");
    return ScenarioMeasurement.ofIterations(perIteration);
  }

  /** Checksums for {@code seconds}; returns operations per second. */
  private static double measure(byte[] buffer, double seconds) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long ops = 0;
    long start = System.nanoTime();
    long sink = 0;
    do {
      CRC32 crc = new CRC32();
      crc.update(buffer);
      sink += crc.getValue();
      ops++;
    } while (System.nanoTime() < end);
    if (sink == 42) {
      System.out.print(""); // keeps the checksum observable
    }
    return ops / ((System.nanoTime() - start) / 1e9);
  }
}
