package dev.archbench.workloads.compression.corpus;

import dev.archbench.workload.ForkContext;
import dev.archbench.workload.WorkloadOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way benchmarks get their data: a generated corpus id, or {@value #USER} for the file or
 * directory given with {@code --corpus}. Cached per JVM, so threads share one read-only copy.
 */
public final class Corpora {
  /** The corpus parameter value that stands for {@code --corpus PATH}. */
  public static final String USER = "user";

  private static final Map<String, Corpus> CACHE = new ConcurrentHashMap<>();

  private Corpora() {}

  /** The corpus {@code id}, with {@code --corpus} as this fork was given it. */
  public static Corpus get(String id) {
    return get(id, ForkContext.current());
  }

  public static Corpus get(String id, ForkContext fork) {
    if (USER.equals(id)) {
      String path = fork.option(WorkloadOptions.CORPUS).orElseThrow(() ->
          new IllegalArgumentException("corpus 'user' needs --corpus PATH"));
      return CACHE.computeIfAbsent(USER + ":" + path, k -> UserCorpus.load(Path.of(path)));
    }
    return CACHE.computeIfAbsent(id, k -> GeneratedCorpus.byId(id).corpus());
  }
}
