package dev.archbench.harness.runner;

import dev.archbench.workload.ResultNotes;
import dev.archbench.workload.WorkloadOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What every forked benchmark JVM of a run gets: the JVM ({@code --jvm}, else this one), the user's
 * JVM arguments, workload options as {@code -Darchbench.opt.<name>}, the work directory, and the
 * measurement budget.
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

  /** System properties for a fork: options, work dir and the notes file of this benchmark. */
  public List<String> archbenchProperties(Path notesFile) {
    List<String> out = new ArrayList<>();
    options.forEach((k, v) -> out.add("-D" + WorkloadOptions.PREFIX + k + "=" + v));
    out.add("-D" + WorkloadOptions.WORK_DIR_PROPERTY + "=" + workDir.toAbsolutePath());
    out.add("-D" + ResultNotes.FILE_PROPERTY + "=" + notesFile.toAbsolutePath());
    return out;
  }

  /** The class path forks use: this JVM's (the archbench jar, or the module class path in tests). */
  public static String classPath() {
    return System.getProperty("java.class.path", "");
  }

  static String pathSeparator() {
    return File.pathSeparator;
  }
}
