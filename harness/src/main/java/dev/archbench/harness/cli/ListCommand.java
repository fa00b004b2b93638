package dev.archbench.harness.cli;

import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.runner.plan.WorkloadTable;
import dev.archbench.harness.userjmh.UserJar;
import dev.archbench.harness.userjmh.UserJmhWorkload;
import dev.archbench.workload.Workload;
import dev.archbench.workload.WorkloadContext;
import java.nio.file.Path;
import java.util.List;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archbench list}: every benchmark with its workload, summary, unit, parameters and profiles. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the benchmarks: workload, name, summary, unit, parameters, profiles that include it.")
public final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Machine-readable JSON.")
  boolean json;

  @Option(names = "--markdown", description = "The README's workload table (Markdown).")
  boolean markdown;

  @Option(names = "--all", description = "Also hidden workloads (the harness's selftest).")
  boolean all;

  @Option(names = "--jmh-jar", paramLabel = "FILE",
      description = "List the JMH benchmarks of your jar (as run --jmh-jar would run them) instead.")
  Path jmhJar;

  @Option(names = "--jmh-classpath", paramLabel = "CP", description = "With --jmh-jar: the jar's dependencies.")
  String jmhClasspath;

  @Override
  public Integer call() {
    if (json && markdown) {
      throw new UserException("--json and --markdown exclude each other", ExitCodes.USAGE);
    }
    List<Workload> listed;
    if (jmhJar != null) {
      try {
        listed = List.of(new UserJmhWorkload(UserJar.inspect(jmhJar, jmhClasspath,
            Path.of(System.getProperty("java.home"), "bin", "java").toString())));
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage(), ExitCodes.FAILURE);
      }
    } else {
      WorkloadCatalog catalog = WorkloadCatalog.discover();
      listed = all ? catalog.all() : catalog.visible();
    }
    // No host and no options: the benchmarks as the code declares them, wherever list runs.
    WorkloadTable table = new WorkloadTable(listed, WorkloadContext.none());
    PrintWriter out = spec.commandLine().getOut();
    if (table.rows().isEmpty()) {
      out.println(json ? "[]" : markdown ? table.markdown() : "no workloads found (use --all to include hidden ones)");
    } else {
      out.print(json ? table.json() : markdown ? table.markdown() : table.text());
    }
    out.flush();
    return ExitCodes.OK;
  }
}
