package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * IoT/infrastructure telemetry as CSV: a fleet of devices reporting every 10 s with dropouts,
 * each metric a bounded random walk with sensor noise (temperature, humidity, pressure), a
 * discharging battery, integer signal strength, bursty CPU load and a rare alarm status. Slowly
 * varying decimals are what makes such files compress 3–6× in practice.
 */
final class CsvTelemetry {
  private static final DateTimeFormatter TS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final String[] SITES = {"fra-dc1", "iad-dc2", "pdx-edge", "sin-dc1", "gru-edge"};
  private static final int DEVICES = 200;

  private CsvTelemetry() {}

  static byte[] generate(long seed, int size) {
    SplitMix64 rnd = new SplitMix64(seed);
    String[] ids = new String[DEVICES];
    String[] site = new String[DEVICES];
    double[] temp = new double[DEVICES];
    double[] hum = new double[DEVICES];
    double[] press = new double[DEVICES];
    double[] batt = new double[DEVICES];
    double[] cpu = new double[DEVICES];
    for (int d = 0; d < DEVICES; d++) {
      ids[d] = "dev-" + Long.toHexString(rnd.nextLong() & 0xFFFFFFL);
      site[d] = SITES[rnd.nextInt(SITES.length)];
      temp[d] = 21 + 3 * rnd.nextGaussian();
      hum[d] = 45 + 8 * rnd.nextGaussian();
      press[d] = 1013 + 6 * rnd.nextGaussian();
      batt[d] = 3.3 + 0.9 * rnd.nextDouble();
      cpu[d] = 20 * rnd.nextDouble();
    }
    Ascii out = new Ascii(size + 4096);
    out.add("timestamp,device_id,site,temperature_c,humidity_pct,pressure_hpa,battery_v,"
        + "signal_dbm,cpu_pct,status\n");
    long epochSecond = 1_767_225_600L;
    while (out.size() < size) {
      epochSecond += 10;
      String ts = TS.format(Instant.ofEpochSecond(epochSecond));
      for (int d = 0; d < DEVICES && out.size() < size; d++) {
        temp[d] = clamp(temp[d] + 0.03 * rnd.nextGaussian(), -10, 45);
        hum[d] = clamp(hum[d] + 0.1 * rnd.nextGaussian(), 5, 99);
        press[d] = clamp(press[d] + 0.05 * rnd.nextGaussian(), 960, 1050);
        batt[d] = batt[d] < 3.3 ? 4.2 : batt[d] - 0.0004 * rnd.nextDouble();
        cpu[d] = rnd.chance(0.02) ? 60 + 40 * rnd.nextDouble()
            : clamp(cpu[d] * 0.9 + 2 * rnd.nextDouble() + rnd.nextGaussian(), 0, 100);
        if (rnd.chance(0.05)) {
          continue; // dropped report
        }
        boolean alarm = temp[d] > 35 || rnd.chance(0.001);
        out.add(ts).add(',').add(ids[d]).add(',').add(site[d]).add(',')
            .fixed(temp[d] + 0.05 * rnd.nextGaussian(), 2).add(',')
            .fixed(hum[d], 1).add(',')
            .fixed(press[d], 2).add(',')
            .fixed(batt[d], 3).add(',')
            .add(-(long) clamp(70 + 8 * rnd.nextGaussian(), 35, 110)).add(',')
            .fixed(cpu[d], 1).add(',')
            .add(alarm ? "ALARM" : cpu[d] > 90 ? "WARN" : "OK").add('\n');
      }
    }
    return CorpusSizes.exactly(out.bytes(), size);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
