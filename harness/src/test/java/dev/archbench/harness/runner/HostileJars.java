package dev.archbench.harness.runner;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A user's JMH jar that misbehaves, compiled by the test with JMH 1.37's annotation processor (real
 * JMH, real forks: what a user's jar does, not a stand-in). Run it with {@link #classPath()} as
 * {@code --jmh-classpath}.
 */
final class HostileJars {
  static final Path JMH = UserJmhRunTest.JARS.resolve("1.37");
  static final Path ANNPROCESS = Path.of("target", "annprocess", "jmh-generator-annprocess-1.37.jar").toAbsolutePath();
  static final String CLASS = "hostile.Bench";

  private static final String SOURCE = """
      package hostile;

      import org.openjdk.jmh.annotations.*;

      public class Bench {
        /** A state whose setup throws. */
        @State(Scope.Thread)
        public static class Broken {
          @Setup
          public void setup() {
            throw new IllegalStateException("setup refuses");
          }
        }

        /**
         * 400 KB of output before the first iteration, however slow the machine: printed in the
         * iterations it depended on how many ran. Bounded, so that a disk of a few MiB can take a
         * whole run of it once there is room.
         */
        @State(Scope.Thread)
        public static class Budget {
          @Setup
          public void flood() {
            for (int printed = 0; printed < 400_000; printed += 80) {
              System.out.println("flood flood flood flood flood flood flood flood flood flood flood flood flood");
            }
          }
        }

        @Benchmark
        public void neverReturns() throws InterruptedException {
          Thread.sleep(Long.MAX_VALUE);
        }

        @Benchmark
        public void exits() {
          System.exit(3);
        }

        @Benchmark
        public void throwsInSetup(Broken b) {
        }

        @Benchmark
        public void floods(Budget b) {
        }

        /** Keeps what it allocates until the heap is full; a small heap, so that a test, not the machine, runs out. */
        @Benchmark
        @Fork(jvmArgsAppend = "-Xmx32m")
        public void exhaustsTheHeap() {
          java.util.List<long[]> kept = new java.util.ArrayList<>();
          while (true) {
            kept.add(new long[1 << 17]);
          }
        }

        @Benchmark
        public int fine() {
          return 1;
        }
      }
      """;

  private HostileJars() {}

  /** Compiles the benchmarks into {@code dir}/hostile.jar. */
  static Path build(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/hostile"));
    Files.writeString(src.resolve("Bench.java"), SOURCE, StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String jmh = JMH.resolve("jmh-core-1.37.jar").toString();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
        "-s", Files.createDirectories(dir.resolve("generated")).toString(), "-cp", jmh,
        "-processorpath", ANNPROCESS + File.pathSeparator + jmh, src.resolve("Bench.java").toString());
    if (rc != 0) {
      throw new AssertionError("javac of the hostile benchmarks failed (" + rc + ")");
    }
    Path jar = dir.resolve("hostile.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
        var files = Files.walk(classes)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  /** The jar's dependencies: JMH 1.37 and what it needs. */
  static String classPath() {
    return String.join(File.pathSeparator, List.of(JMH.resolve("jmh-core-1.37.jar").toString(),
        JMH.resolve("jopt-simple-5.0.4.jar").toString(), JMH.resolve("commons-math3-3.6.1.jar").toString()));
  }
}
