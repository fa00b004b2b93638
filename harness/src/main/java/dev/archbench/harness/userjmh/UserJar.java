package dev.archbench.harness.userjmh;

import dev.archbench.harness.userjmh.JmhListing.Listed;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.runner.BenchmarkListEntry;

/**
 * A user's JMH benchmark jar ({@code --jmh-jar}, with {@code --jmh-classpath} for a plain jar),
 * inspected without loading it: its SHA-256, and the benchmarks its own JMH lists
 * ({@code org.openjdk.jmh.Main -lp} in a JVM of its own, so the jar keeps its JMH version and
 * dependencies). The mode and {@code @Threads} of each benchmark are read from the jar's
 * {@code META-INF/BenchmarkList} where archbench's JMH can parse the line (JMH 1.21 lines without
 * {@code @Param}s parse, those with them do not); they are hints for the plan only, the result's own
 * JSON says what ran.
 *
 * @param classPath further entries, absolute
 * @param hints per benchmark name, where the BenchmarkList could be read
 */
public record UserJar(Path jar, List<Path> classPath, String sha256, List<Listed> benchmarks,
    Map<String, Hint> hints) {

  /** JMH's main class, the entry point of the JMH command line in every version. */
  public static final String JMH_MAIN = "org.openjdk.jmh.Main";
  private static final long LIST_TIMEOUT_SECONDS = 120;

  /**
   * @param mode JMH's short label ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss}), or null when several
   * @param threads the {@code @Threads} value, {@link Threads#MAX} for all CPUs, or 0 when not annotated
   */
  public record Hint(String mode, int threads) {}

  public UserJar {
    classPath = List.copyOf(classPath);
    benchmarks = List.copyOf(benchmarks);
    hints = Map.copyOf(hints);
  }

  /**
   * Lists the jar's benchmarks with its own JMH. Bad input (no such file, no JMH on the class path,
   * no benchmarks) is an IllegalArgumentException with one line that says which.
   *
   * @param classPath {@code --jmh-classpath} as typed ({@code :}-separated), or null
   * @param java the {@code java} to run JMH's listing with
   */
  public static UserJar inspect(Path jar, String classPath, String java) {
    Path abs = jar.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      throw new IllegalArgumentException("--jmh-jar: " + jar + " is not a file");
    }
    List<Path> cp = new ArrayList<>();
    if (classPath != null && !classPath.isBlank()) {
      for (String e : classPath.split(File.pathSeparator)) {
        if (e.isBlank()) {
          continue;
        }
        Path p = Path.of(e).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
          throw new IllegalArgumentException("--jmh-classpath: " + e + " does not exist");
        }
        cp.add(p);
      }
    }
    String sha = sha256(abs);
    String listing = runListing(abs, cp, java);
    List<Listed> listed = JmhListing.parse(listing);
    if (listed.isEmpty()) {
      throw new IllegalArgumentException("--jmh-jar: " + jar + " has no JMH benchmarks (" + JMH_MAIN
          + " -l lists none" + firstProblem(listing).map(s -> ": " + s).orElse("") + ")");
    }
    return new UserJar(abs, cp, sha, listed, hints(abs));
  }

  /** The whole class path for JMH's command line: the jar, then {@code --jmh-classpath}. */
  public String classPathString() {
    List<String> all = new ArrayList<>();
    all.add(jar.toString());
    classPath.forEach(p -> all.add(p.toString()));
    return String.join(File.pathSeparator, all);
  }

  /**
   * The workload id derived from the jar's file name: {@code benchmarks.jar} gives {@code benchmarks},
   * {@code jmh-samples-1.37.jar} gives {@code jmh-samples-1.37}.
   */
  public String workloadId() {
    String name = jar.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".jar")) {
      name = name.substring(0, name.length() - 4);
    }
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^-+|-+$", "");
    return id.isEmpty() ? "jar" : id;
  }

  public Optional<Hint> hint(String benchmark) {
    return Optional.ofNullable(hints.get(benchmark));
  }

  private static String runListing(Path jar, List<Path> cp, String java) {
    List<String> all = new ArrayList<>();
    all.add(jar.toString());
    cp.forEach(p -> all.add(p.toString()));
    List<String> cmd = List.of(java, "-cp", String.join(File.pathSeparator, all), JMH_MAIN, "-lp");
    Path listing = null;
    try {
      // Output to a file, not a pipe read to its end first: the timeout must hold for a jar that hangs.
      listing = Files.createTempFile("archbench-jmh-list", ".txt");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(listing.toFile()).start();
      if (!p.waitFor(LIST_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalArgumentException("--jmh-jar: listing the benchmarks of " + jar + " took over "
            + LIST_TIMEOUT_SECONDS + " s");
      }
      String text = new String(Files.readAllBytes(listing), StandardCharsets.UTF_8); // lenient: any bytes
      if (text.contains("Unable to find the resource: /META-INF/BenchmarkList")) {
        throw new IllegalArgumentException("--jmh-jar: " + jar + " has no JMH benchmarks (no META-INF/BenchmarkList;"
            + " JMH's annotation processor writes it when the benchmarks are compiled)");
      }
      if (p.exitValue() != 0 && text.contains("main class " + JMH_MAIN)) {
        throw new IllegalArgumentException("--jmh-jar: " + jar + " is not a JMH benchmark jar: " + JMH_MAIN
            + " is neither in it nor on --jmh-classpath");
      }
      if (p.exitValue() != 0) {
        throw new IllegalArgumentException("--jmh-jar: JMH could not list the benchmarks of " + jar
            + firstProblem(text).map(s -> ": " + s).orElse(" (exit " + p.exitValue() + ")"));
      }
      return text;
    } catch (IOException e) {
      throw new IllegalArgumentException("--jmh-jar: cannot run " + java + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalArgumentException("--jmh-jar: interrupted while listing " + jar);
    } finally {
      if (listing != null) {
        try {
          Files.deleteIfExists(listing);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
  }

  private static Optional<String> firstProblem(String text) {
    for (String line : text.split("\\R")) {
      String t = line.trim();
      if (t.startsWith("Error") || t.startsWith("ERROR") || t.startsWith("Exception") || t.contains("Exception:")) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** Mode and {@code @Threads} from the jar's BenchmarkList; empty when absent or in another format. */
  static Map<String, Hint> hints(Path jar) {
    Map<String, Hint> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry e = zip.getEntry("META-INF/BenchmarkList");
      if (e == null) {
        return out;
      }
      String text;
      try (InputStream in = zip.getInputStream(e)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      for (String line : text.split("\\R")) {
        if (line.isBlank()) {
          continue;
        }
        try {
          BenchmarkListEntry b = new BenchmarkListEntry(line);
          String mode = b.getMode() == Mode.All ? null : b.getMode().shortLabel();
          int threads = b.getThreads().hasValue() ? b.getThreads().get() : 0;
          // A method with several modes has one line per mode: the plan cannot name one.
          out.merge(b.getUsername(), new Hint(mode, threads),
              (a, c) -> java.util.Objects.equals(a.mode(), c.mode()) ? a : new Hint(null, a.threads()));
        } catch (RuntimeException unreadable) {
          // Another JMH's encoding (1.21 writes @Param values differently): no hint for this one.
        }
      }
    } catch (IOException notAZip) {
      throw new IllegalArgumentException("--jmh-jar: " + jar + " is not a jar (" + notAZip.getMessage() + ")");
    }
    return out;
  }

  /** Lower-case hex SHA-256 of a file; IllegalArgumentException when it cannot be read. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      throw new IllegalArgumentException("--jmh-jar: cannot read " + file + ": " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
