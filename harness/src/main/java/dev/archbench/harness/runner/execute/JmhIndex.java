package dev.archbench.harness.runner.execute;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What JMH's annotation processor recorded about each benchmark method ({@code META-INF/BenchmarkList}
 * of every workload jar on the class path): its mode, default {@code @Param} values, {@code @Threads}
 * and {@code @Fork} JVM arguments.
 */
public final class JmhIndex {
  private final Map<String, BenchmarkListEntry> entries;

  JmhIndex(Map<String, BenchmarkListEntry> entries) {
    this.entries = entries;
  }

  /** The benchmarks on the class path; empty when no workload has JMH benchmarks. */
  public static JmhIndex load() {
    Map<String, BenchmarkListEntry> map = new LinkedHashMap<>();
    if (JmhIndex.class.getClassLoader().getResource("META-INF/BenchmarkList") != null) {
      var quiet = OutputFormatFactory.createFormatInstance(
          new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), VerboseMode.SILENT);
      for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(quiet, List.of())) {
        map.putIfAbsent(e.getUsername(), e);
      }
    }
    return new JmhIndex(map);
  }

  public Optional<BenchmarkListEntry> find(String jmhName) {
    return Optional.ofNullable(entries.get(jmhName));
  }

  /** JMH's short label of the benchmark's mode ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}). */
  public Optional<String> mode(String jmhName) {
    return find(jmhName).map(BenchmarkListEntry::getMode).filter(m -> m != Mode.All).map(Mode::shortLabel);
  }

  /** The {@code @Param} defaults of the benchmark's state classes. */
  public Map<String, List<String>> defaultParams(String jmhName) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    find(jmhName).ifPresent(e -> e.getParams().orElse(Collections.emptyMap())
        .forEach((k, v) -> out.put(k, List.of(v))));
    return out;
  }

  /** The {@code @Threads} value ({@code MAX} resolved to {@code cpus}), or empty. */
  public Optional<Integer> defaultThreads(String jmhName, int cpus) {
    return find(jmhName).flatMap(e -> {
      var t = e.getThreads();
      return t.hasValue() ? Optional.of(t.get() == Threads.MAX ? cpus : t.get()) : Optional.empty();
    });
  }
}
