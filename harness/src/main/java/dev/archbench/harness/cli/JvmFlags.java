package dev.archbench.harness.cli;

import dev.archbench.harness.runner.RunRequest;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code archbench run}'s options for the benchmark JVMs (a mixin: they appear where it is declared). */
final class JvmFlags {
  @Option(names = "--jvm", paramLabel = "PATH",
      description = "java executable for the benchmark JVMs (e.g. a qemu-aarch64 wrapper).")
  String jvm;

  @Option(names = "--jvm-args", paramLabel = "ARGS", description = "Extra arguments for the benchmark JVMs.")
  String jvmArgs;

  @Option(names = "--jmh", paramLabel = "OPTIONS",
      description = "Raw JMH options (forks, iterations, times, -p, -prof ...); they override the profile.")
  String jmh;

  /** The java the benchmark JVMs run: {@code --jvm}, else this one's. */
  String forkJava() {
    return jvm != null ? jvm : Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  RunRequest.ForkJvm request() {
    return new RunRequest.ForkJvm(jvm, jvmArgs, jmh);
  }
}
