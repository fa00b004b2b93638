package dev.archbench.workloads.compression;

import dev.archbench.workload.ForkContext;
import dev.archbench.workload.WorkloadOptions;
import dev.archbench.workloads.compression.codec.Codecs;
import dev.archbench.workloads.compression.corpus.Corpora;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the archbench {@link BlockBenchmark} (the same JMH benchmark the runner uses) on a file at
 * 1 MiB blocks for zstd 1, zstd 3 and lz4 1 and prints one line per result:
 * {@code codec level op meanMB/s bestMB/s}: the mean of the
 * measurement iterations (what archbench records) and the best iteration (what {@code zstd -b} and
 * {@code lz4 -b} print: the fastest of their runs). Used by {@code bench/compare-cli.sh} next to {@code zstd -b} and
 * {@code lz4 -b}.
 *
 * <p>Usage: {@code FidelityMain FILE [measurementIterations]}.
 */
public final class FidelityMain {
  private FidelityMain() {}

  /**
   * JMH allows one benchmark run per machine (/tmp/jmh.lock); on a shared machine wait for the
   * other run to finish rather than fail or measure alongside it.
   */
  private static java.util.Collection<RunResult> runWaitingForLock(Options opt)
      throws RunnerException {
    for (int attempt = 0; ; attempt++) {
      try {
        return new Runner(opt).run();
      } catch (RunnerException e) {
        if (attempt >= 60 || e.getMessage() == null || !e.getMessage().contains("JMH lock")) {
          throw e;
        }
        System.err.println("waiting for another JMH run to finish...");
        try {
          Thread.sleep(10_000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public static void main(String[] args) throws RunnerException, IOException {
    if (args.length < 1) {
      System.err.println("usage: FidelityMain FILE [iterations]");
      System.exit(2);
    }
    String file = args[0];
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    String[][] runs = {{"zstd", "1"}, {"zstd", "3"}, {"lz4", "1"}};
    // The forks find --corpus where the runner's forks do: in a fork settings file.
    Path settings = Files.createTempFile("archbench-fork-", ".json");
    settings.toFile().deleteOnExit();
    String forkArg = ForkContext.standalone().withOption(WorkloadOptions.CORPUS, file).writeForFork(settings);
    for (String[] run : runs) {
      try (var codec = Codecs.block(run[0], run[1])) {
        System.out.println("# " + codec.id() + ": " + codec.implementation());
      }
      Options opt = new OptionsBuilder()
          .include(BlockBenchmark.class.getName() + "\\.(compress|decompress)$")
          .param("codec", run[0])
          .param("level", run[1])
          .param("blockSize", Integer.toString(1 << 20))
          .param("corpus", Corpora.USER)
          .jvmArgsAppend(forkArg)
          .forks(1)
          .warmupIterations(3)
          .warmupTime(TimeValue.seconds(1))
          .measurementIterations(iterations)
          .measurementTime(TimeValue.seconds(1))
          .shouldFailOnError(true)
          .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
          .build();
      for (RunResult r : runWaitingForLock(opt)) {
        String label = r.getParams().getBenchmark();
        String op = label.substring(label.lastIndexOf('.') + 1);
        double best = r.getBenchmarkResults().stream()
            .flatMap(b -> b.getIterationResults().stream())
            .mapToDouble(i -> i.getPrimaryResult().getScore()).max().orElse(Double.NaN);
        System.out.println(String.format(Locale.ROOT, "archbench %s %s %s %.1f %.1f", run[0], run[1],
            op, r.getPrimaryResult().getScore(), best));
      }
    }
  }
}
