package dev.archbench.workloads.compression.corpus;

import dev.archbench.random.SplitMix64;
import java.util.Locale;

/**
 * The deterministic corpora: same seed, same bytes, on every JVM and architecture (asserted by
 * golden SHA-256 values in the tests and by the aarch64 check under emulation).
 */
public enum GeneratedCorpus {
  JSON_LOGS("json-logs", "JSON lines of an HTTP API's access log", 0x4A534F4EL) {
    @Override
    byte[] generate(int size) {
      return JsonApiLogs.generate(seed, size);
    }
  },
  TEXT("text", "English-like prose, Zipf vocabulary", 0x54455854L) {
    @Override
    byte[] generate(int size) {
      return EnglishText.generate(seed, size);
    }
  },
  CSV_TELEMETRY("csv-telemetry", "CSV device telemetry, random-walk metrics", 0x43535654L) {
    @Override
    byte[] generate(int size) {
      return CsvTelemetry.generate(seed, size);
    }
  },
  BINARY("binary", "protobuf-like records and columnar pages", 0x42494E41L) {
    @Override
    byte[] generate(int size) {
      return BinaryColumnar.generate(seed, size);
    }
  },
  RANDOM("random", "incompressible random bytes", 0x524E44L) {
    @Override
    byte[] generate(int size) {
      byte[] b = new byte[size];
      new SplitMix64(seed).nextBytes(b, 0, size);
      return b;
    }
  };

  /** 4 MiB: several 1 MiB blocks, larger than most L2 caches, quick to generate. */
  public static final int SIZE = 4 << 20;

  final String id;
  final String description;
  final long seed;

  GeneratedCorpus(String id, String description, long seed) {
    this.id = id;
    this.description = description;
    this.seed = seed;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  abstract byte[] generate(int size);

  public Corpus corpus() {
    return Corpus.of(id, "generated", generate(SIZE));
  }

  public static GeneratedCorpus byId(String id) {
    for (GeneratedCorpus c : values()) {
      if (c.id.equals(id.toLowerCase(Locale.ROOT))) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown corpus '" + id + "'");
  }
}
