package dev.archbench.harness.runner.execute;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * The raw {@code --jmh "..."} options, parsed by JMH itself. They override the profile's settings
 * (forks, iterations, times, profilers, ...). Options that would fight the runner are refused:
 * benchmark selection and threads (archbench plans those), and JMH's own result and output files
 * (archbench writes them).
 */
public final class JmhOptions {
  private JmhOptions() {}

  public static CommandLineOptions parse(String raw) {
    List<String> args = Args.split(raw);
    CommandLineOptions options;
    try {
      options = new CommandLineOptions(args.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      throw new IllegalArgumentException("--jmh: " + e.getMessage());
    }
    List<String> refused = new ArrayList<>();
    if (!options.getIncludes().isEmpty() || !options.getExcludes().isEmpty()) {
      refused.add("benchmark names/-e (use --include/--exclude)");
    }
    if (options.getThreads().hasValue()) {
      refused.add("-t (use --threads)");
    }
    if (options.getResult().hasValue() || options.getResultFormat().hasValue() || options.getOutput().hasValue()) {
      refused.add("-rf/-rff/-o (archbench writes DIR/<run-id>.jmh.json and the log)");
    }
    if (options.getForkCount().hasValue() && options.getForkCount().get() == 0) {
      refused.add("-f 0 (benchmarks run in forked JVMs: that is where options, notes and signals work)");
    }
    if (!options.getBenchModes().isEmpty()) {
      refused.add("-bm (the workload defines the mode)");
    }
    if (options.shouldHelp() || options.shouldList() || options.shouldListWithParams()
        || options.shouldListProfilers() || options.shouldListResultFormats()) {
      refused.add("-h/-l/-lp/-lprof/-lrf (use 'archbench list')");
    }
    if (!refused.isEmpty()) {
      throw new IllegalArgumentException("--jmh: not allowed here: " + String.join("; ", refused));
    }
    return options;
  }

  /** Parameter values given with {@code -p name=v1,v2}; they replace the profile's values. */
  public static Map<String, List<String>> paramOverrides(CommandLineOptions options, List<String> raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < raw.size() - 1; i++) {
      if (raw.get(i).equals("-p")) {
        String name = raw.get(i + 1).split("=", 2)[0];
        Collection<String> values = options.getParameter(name).orElse(List.of());
        out.put(name, List.copyOf(values));
      }
    }
    return out;
  }

  /** JVM arguments for forks given inside {@code --jmh} ({@code -jvmArgs}, {@code -jvmArgsAppend}). */
  public static List<String> jvmArgs(CommandLineOptions options) {
    List<String> out = new ArrayList<>(options.getJvmArgs().orElse(List.of()));
    out.addAll(options.getJvmArgsAppend().orElse(List.of()));
    return out;
  }
}
