package dev.archbench.harness.runner.execute;

import dev.archbench.harness.fingerprint.HostPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code --duet}: the CPUs each variant's forks get when a round's forks run at the same time (Bulej
 * et al., "Duet Benchmarking", ICPE 2020), and how they are pinned there: {@code taskset -c}
 * (util-linux), whose affinity the JVM, its threads and its children inherit. The CPUs this process
 * may use are split into equal, disjoint, contiguous sets, one per variant; on two CPUs, one each.
 */
public final class DuetCpus {
  public static final String METHOD = "taskset";

  private DuetCpus() {}

  /**
   * Per variant its CPU list ({@code taskset -c} syntax), or empty with the reason when there are
   * fewer CPUs than variants.
   */
  public static List<String> split(List<Integer> allowed, int variants) {
    int each = allowed.size() / variants;
    if (each < 1) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int v = 0; v < variants; v++) {
      out.add(format(allowed.subList(v * each, (v + 1) * each)));
    }
    return out;
  }

  /** The CPUs of {@code Cpus_allowed_list} in a {@code /proc/PID/status} text; empty when absent. */
  public static List<Integer> allowedIn(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("Cpus_allowed_list:")) {
        return parse(line.substring(line.indexOf(':') + 1).trim());
      }
    }
    return List.of();
  }

  /** {@code 0-3,8,10-11} as a sorted list; IllegalArgumentException when it is not a CPU list. */
  public static List<Integer> parse(String list) {
    TreeSet<Integer> out = new TreeSet<>();
    for (String part : list.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        int dash = p.indexOf('-');
        int from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
        int to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1));
        if (from < 0 || to < from || to - from > 65536) {
          throw new NumberFormatException(p);
        }
        for (int c = from; c <= to; c++) {
          out.add(c);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a CPU list: " + list);
      }
    }
    return List.copyOf(out);
  }

  /** A sorted CPU list in {@code taskset -c} syntax, runs as ranges: {@code 0-3,8}. */
  public static String format(List<Integer> cpus) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < cpus.size()) {
      int j = i;
      while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
        j++;
      }
      sb.append(sb.length() == 0 ? "" : ",").append(cpus.get(i));
      if (j > i) {
        sb.append('-').append(cpus.get(j));
      }
      i = j + 1;
    }
    return sb.toString();
  }

  /** The CPUs this process may run on: {@code /proc/self/status}, else 0..availableProcessors-1. */
  public static List<Integer> allowed(HostPaths paths) {
    try {
      List<Integer> found = allowedIn(Files.readString(paths.selfStatus(), StandardCharsets.UTF_8));
      if (!found.isEmpty()) {
        return found;
      }
    } catch (IOException | IllegalArgumentException e) {
      // not Linux, or no such line: fall back on the JVM's count
    }
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c < Runtime.getRuntime().availableProcessors(); c++) {
      all.add(c);
    }
    return all;
  }

  /** {@code taskset} on the {@code PATH} of {@code env}, or empty. */
  public static Optional<Path> taskset(Map<String, String> env) {
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      Path p = Path.of(dir, METHOD);
      if (Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * A {@code java} that runs the real one pinned to {@code cpus}: a shell script in {@code dir}. JMH's
   * lock is ignored there, since the forks of a round share the machine by design.
   */
  public static Path wrapper(Path dir, String name, Path taskset, String cpus, String java) throws IOException {
    Path script = dir.resolve("java-" + name);
    String body = "#!/bin/sh\n# archbench --duet: variant " + name + " on CPUs " + cpus + "\nexec " + quote(taskset.toString())
        + " -c " + quote(cpus) + " " + quote(java) + " -Djmh.ignoreLock=true \"$@\"\n";
    Files.writeString(script, body, StandardCharsets.UTF_8);
    if (!script.toFile().setExecutable(true, true)) {
      throw new IOException("cannot make " + script + " executable");
    }
    return script;
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
