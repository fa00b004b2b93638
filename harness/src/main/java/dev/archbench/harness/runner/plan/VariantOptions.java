package dev.archbench.harness.runner.plan;

import dev.archbench.harness.runner.execute.Args;
import dev.archbench.record.VariantRun.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses {@code --variant NAME='OPTIONS'}: a name and the few run options that may differ between
 * variants ({@code --jmh-jar}, {@code --jmh-classpath}, {@code --jvm}, {@code --jvm-args}), split
 * as a shell would. Everything else (selection, profile, budget) is the run's and shared. A bad
 * value is an IllegalArgumentException with one line that names the variant.
 */
public final class VariantOptions {
  /** Names stay readable in keys, file names and tables. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
  static final List<String> OPTIONS = List.of("--jmh-jar", "--jmh-classpath", "--jvm", "--jvm-args");

  private VariantOptions() {}

  /**
   * Every {@code --variant} of the command line, in order (the first is the baseline): at least two,
   * with different names.
   */
  public static List<Variant> parseAll(List<String> values) {
    if (values.size() < 2) {
      throw new IllegalArgumentException("--variant: give at least two (the first is the baseline), e.g."
          + " --variant base='' --variant g1='--jvm-args -XX:+UseG1GC'");
    }
    List<Variant> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String v : values) {
      Variant parsed = parse(v);
      if (!names.add(parsed.name())) {
        throw new IllegalArgumentException("--variant " + parsed.name() + ": the name is given twice");
      }
      out.add(parsed);
    }
    return out;
  }

  /** One {@code NAME=OPTIONS} value. */
  public static Variant parse(String value) {
    int eq = value.indexOf('=');
    String name = eq < 0 ? value : value.substring(0, eq);
    if (eq < 0 || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("--variant '" + oneLine(value) + "': expected NAME='OPTIONS' with a name of"
          + " letters, digits, '.', '_' or '-' (at most 40)");
    }
    String options = value.substring(eq + 1);
    List<String> args = Args.split(options);
    String jar = null;
    String cp = null;
    String jvm = null;
    String jvmArgs = null;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      String option = a;
      String arg = null;
      int inline = a.indexOf('=');
      if (a.startsWith("--") && inline > 0) {
        option = a.substring(0, inline);
        arg = a.substring(inline + 1);
      }
      if (!OPTIONS.contains(option)) {
        throw new IllegalArgumentException("--variant " + name + ": '" + oneLine(a) + "' is not one of "
            + String.join(", ", OPTIONS) + " (the other options are shared by all variants)");
      }
      if (arg == null) {
        if (i + 1 >= args.size()) {
          throw new IllegalArgumentException("--variant " + name + ": " + option + " needs a value");
        }
        arg = args.get(++i);
      }
      boolean repeated = switch (option) {
        case "--jmh-jar" -> jar != null;
        case "--jmh-classpath" -> cp != null;
        case "--jvm" -> jvm != null;
        default -> jvmArgs != null;
      };
      if (repeated) {
        throw new IllegalArgumentException("--variant " + name + ": " + option + " is given twice");
      }
      switch (option) {
        case "--jmh-jar" -> jar = Path.of(arg).toAbsolutePath().normalize().toString();
        case "--jmh-classpath" -> cp = arg;
        case "--jvm" -> jvm = arg;
        default -> jvmArgs = arg;
      }
    }
    return new Variant(name, options, jar, cp, jvm, jvmArgs);
  }

  /**
   * {@code v} with the run's shared options where it sets none of its own: what its forks actually
   * run, as the record keeps it.
   */
  public static Variant resolved(Variant v, String jmhJar, String jmhClasspath, String jvm, String jvmArgs) {
    String jar = v.jmhJar() != null ? v.jmhJar()
        : jmhJar == null ? null : Path.of(jmhJar).toAbsolutePath().normalize().toString();
    // A variant's own jar comes with its own class path (or none), never the shared jar's.
    String cp = v.jmhJar() != null ? v.jmhClasspath() : v.jmhClasspath() != null ? v.jmhClasspath() : jmhClasspath;
    if (cp != null && jar == null) {
      throw new IllegalArgumentException("--variant " + v.name() + ": --jmh-classpath needs --jmh-jar");
    }
    return new Variant(v.name(), v.options(), jar, cp, v.jvm() != null ? v.jvm() : jvm,
        v.jvmArgs() != null ? v.jvmArgs() : jvmArgs);
  }

  /** Every variant runs a jar of its own, or none does (they run the same benchmarks). */
  public static void checkSameKind(List<Variant> resolved) {
    boolean jar = resolved.get(0).jmhJar() != null;
    for (Variant v : resolved) {
      if ((v.jmhJar() != null) != jar) {
        throw new IllegalArgumentException("--variant " + v.name() + ": " + (jar ? "runs no --jmh-jar, but the"
            + " baseline " + resolved.get(0).name() + " does" : "runs a --jmh-jar, but the baseline "
            + resolved.get(0).name() + " does not") + "; all variants run the same benchmarks");
      }
    }
  }

  private static String oneLine(String s) {
    String t = s.replaceAll("\\s+", " ");
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }
}
