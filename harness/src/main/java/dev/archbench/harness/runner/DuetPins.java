package dev.archbench.harness.runner;

import dev.archbench.harness.fingerprint.HostPaths;
import dev.archbench.harness.runner.execute.DuetCpus;
import dev.archbench.harness.runner.execute.ForkFiles;
import dev.archbench.harness.runner.plan.VariantRequest;
import dev.archbench.record.RunInfo.Warning;
import dev.archbench.record.VariantRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The forks of a run of variants with {@code --duet}: per variant a {@code java} pinned to its own
 * CPUs ({@link DuetCpus}), or none when the host cannot (then rounds run back to back and a warning
 * says why). Closing deletes the wrapper scripts.
 */
final class DuetPins implements AutoCloseable {
  /** Warning code: {@code --duet} was asked but the host cannot pin the forks apart. */
  static final String DUET_UNAVAILABLE = RunEngine.DUET_UNAVAILABLE;

  /** How the forks were pinned, or null when they were not. */
  final VariantRun.Duet duet;
  private final Map<String, Path> javas;

  private DuetPins(VariantRun.Duet duet, Map<String, Path> javas) {
    this.duet = duet;
    this.javas = javas;
  }

  /** The pinned {@code java} of {@code variant}, or null. */
  Path java(String variant) {
    return javas.get(variant);
  }

  /** Pins for {@code variants} (null: a run without variants), adding a warning when the host cannot. */
  static DuetPins of(VariantRequest v, RunEnvironment env, List<Warning> warnings) {
    if (v == null || !v.duet()) {
      return new DuetPins(null, Map.of());
    }
    Optional<Path> taskset = DuetCpus.taskset(env.env());
    List<String> cpus = DuetCpus.split(DuetCpus.allowed(new HostPaths(env.roots())), v.variants().size());
    String why = taskset.isEmpty() ? "taskset (util-linux) is not on the PATH"
        : cpus.isEmpty() ? "this process may use fewer CPUs than there are variants" : null;
    if (why != null) {
      warnings.add(new Warning(DUET_UNAVAILABLE, "--duet: " + why + "; each round's forks run one after another"));
      return new DuetPins(null, Map.of());
    }
    Map<String, Path> javas = new HashMap<>();
    try {
      Path dir = Files.createTempDirectory("archbench-duet-");
      for (int i = 0; i < v.variants().size(); i++) {
        VariantRun.Variant x = v.variants().get(i);
        String java = x.jvm() != null ? x.jvm() : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        javas.put(x.name(), DuetCpus.wrapper(dir, x.name(), taskset.get(), cpus.get(i), java));
      }
    } catch (IOException e) {
      javas.values().forEach(p -> ForkFiles.deleteTree(p.getParent()));
      throw new IllegalArgumentException("--duet: cannot write the pinned java scripts: " + e.getMessage());
    }
    return new DuetPins(new VariantRun.Duet(DuetCpus.METHOD, cpus), javas);
  }

  @Override
  public void close() {
    for (Path p : javas.values()) {
      ForkFiles.deleteTree(p.getParent());
    }
  }
}
