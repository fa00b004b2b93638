package dev.archbench.workloads.compression.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 of every generated corpus as first generated on x86_64 and confirmed on aarch64
 * ({@code golden-sha256.txt}). A generator change that alters bytes must update this file on
 * purpose, since results on old and new bytes are not comparable.
 */
public final class GoldenChecksums {
  private static final Map<String, String> GOLDEN = load();

  private GoldenChecksums() {}

  /** The golden checksum of a generated corpus, or {@code null} if none is recorded. */
  public static String of(String corpusId) {
    return GOLDEN.get(corpusId);
  }

  private static Map<String, String> load() {
    Map<String, String> m = new LinkedHashMap<>();
    try (InputStream in = GoldenChecksums.class.getResourceAsStream("golden-sha256.txt")) {
      if (in == null) {
        return m;
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.trim().split("\\s+");
        if (f.length == 2 && !line.startsWith("#")) {
          m.put(f[0], f[1]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return m;
  }
}
