package dev.archbench.workloads.inference.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps DJL offline and its caches under archbench's work directory. DJL reads each of these as an
 * environment variable or a system property; the runner passes {@link #jvmArgs} to every fork, and
 * {@link #configure} sets any that are missing in the current JVM before an engine loads (tests,
 * SelfCheck).
 */
public final class DjlSetup {
  private DjlSetup() {}

  /** System properties by name for a given work directory. */
  public static Map<String, String> properties(Path workDir) {
    Path djl = workDir.toAbsolutePath().resolve("djl");
    Map<String, String> p = new LinkedHashMap<>();
    p.put("ai.djl.offline", "true");
    // Usage tracking would otherwise contact the EC2 metadata address; offline mode also skips it.
    p.put("OPT_OUT_TRACKING", "true");
    p.put("DJL_CACHE_DIR", djl.resolve("cache").toString());
    p.put("ENGINE_CACHE_DIR", djl.resolve("engines").toString());
    p.put("ai.djl.repository.zoo.location", djl.resolve("zoo").toString());
    return p;
  }

  /** The same settings as {@code -D} arguments for a forked JVM. */
  public static List<String> jvmArgs(Path workDir) {
    return properties(workDir).entrySet().stream().map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList();
  }

  /** Sets every property not already set (an explicit -D wins), before DJL initialises. */
  public static void configure(Path workDir) {
    properties(workDir).forEach((k, v) -> {
      if (System.getProperty(k) == null) {
        System.setProperty(k, v);
      }
    });
    initModelZoo();
  }

  /**
   * DJL 0.36 fails with a null logger in DefaultModelZoo when {@code ai.djl.repository.zoo.location}
   * is set and a Criteria initialises DefaultModelZoo before ModelZoo; initialising ModelZoo first
   * avoids it. Every DJL use goes through here or {@link LoadedModel}.
   */
  static void initModelZoo() {
    ai.djl.repository.zoo.ModelZoo.getModelZoo("ai.djl.localmodelzoo");
  }
}
