package dev.archbench.harness.userjmh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What JMH's {@code -lp} prints ({@code java -jar benchmarks.jar -lp}): a {@code Benchmarks:} header,
 * one fully qualified benchmark per line, each followed by its {@code @Param}s as
 * {@code   param "name" = {v1, v2}}. The format is the same from JMH 1.21 to 1.37 (fixtures of both
 * in the tests); lines before the header (JVM warnings) are ignored, and a method with several
 * {@code @BenchmarkMode}s, which JMH lists once per mode, is kept once. A pure parser.
 */
public final class JmhListing {
  private static final Pattern PARAM = Pattern.compile("^\\s+param \"([^\"]+)\" = \\{(.*)}\\s*$");
  private static final Pattern NAME = Pattern.compile("^[\\p{L}_$][\\p{L}\\p{N}_$.]*\\.[\\p{L}_$][\\p{L}\\p{N}_$]*$");

  /** One benchmark method and the default values of its {@code @Param}s, in JMH's order. */
  public record Listed(String name, Map<String, List<String>> params) {
    public Listed {
      params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }

  private JmhListing() {}

  /** The benchmarks listed in {@code text}; empty when there is no {@code Benchmarks:} header or none follow it. */
  public static List<Listed> parse(String text) {
    List<Listed> out = new ArrayList<>();
    boolean inList = false;
    String name = null;
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String raw : text.split("\\R")) {
      if (!inList) {
        inList = raw.trim().equals("Benchmarks:");
        continue;
      }
      Matcher p = PARAM.matcher(raw);
      if (p.matches() && name != null) {
        params.put(p.group(1), values(p.group(2)));
      } else if (NAME.matcher(raw.trim()).matches() && !raw.startsWith(" ")) {
        add(out, name, params);
        name = raw.trim();
        params = new LinkedHashMap<>();
      }
    }
    add(out, name, params);
    return out;
  }

  private static void add(List<Listed> out, String name, Map<String, List<String>> params) {
    if (name != null && out.stream().noneMatch(l -> l.name().equals(name))) {
      out.add(new Listed(name, params));
    }
  }

  /** JMH prints a {@code @Param}'s values joined by ", " (values with commas cannot be told apart). */
  private static List<String> values(String joined) {
    List<String> out = new ArrayList<>();
    for (String v : joined.split(", ", -1)) {
      out.add(v);
    }
    return out;
  }
}
