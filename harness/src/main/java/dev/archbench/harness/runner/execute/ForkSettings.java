package dev.archbench.harness.runner.execute;

import dev.archbench.harness.runner.measure.ProfileSettings;
import dev.archbench.workload.ForkContext;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What every forked benchmark JVM of a run gets: the JVM ({@code --jvm}, else this one), the user's
 * JVM arguments, the measurement budget, and a {@link ForkContext} (workload options, the work
 * directory, the benchmark's notes file) in a settings file named by the fork's one archbench
 * system property.
 *
 * @param jvm path of the {@code java} to fork (e.g. a qemu wrapper), or {@code null} for this JVM's
 * @param userJvmArgs {@code --jvm-args} plus {@code --jmh -jvmArgs/-jvmArgsAppend}
 */
public record ForkSettings(
    ProfileSettings profile, CommandLineOptions rawJmh, String jvm, List<String> userJvmArgs,
    Map<String, String> options, Path workDir) {

  public ForkSettings {
    userJvmArgs = List.copyOf(userJvmArgs);
    options = new TreeMap<>(options);
  }

  /** The java executable forks use. */
  public String javaExecutable() {
    if (jvm != null) {
      return jvm;
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Writes the context of one benchmark's forks to {@code settingsFile} and returns the system
   * property that points them at it.
   */
  public String forkProperty(Path settingsFile, Path notesFile) {
    return new ForkContext(options, workDir, notesFile).writeForFork(settingsFile);
  }

  /** The class path forks use: this JVM's (the archbench jar, or the module class path in tests). */
  public static String classPath() {
    return System.getProperty("java.class.path", "");
  }

  public static String pathSeparator() {
    return File.pathSeparator;
  }
}
