package dev.archbench.harness.cli;

import dev.archbench.harness.runner.WorkloadCatalog;
import dev.archbench.harness.runner.WorkloadTable;
import dev.archbench.workload.WorkloadContext;
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

  @Override
  public Integer call() {
    if (json && markdown) {
      throw new UserException("--json and --markdown exclude each other", ExitCodes.USAGE);
    }
    WorkloadCatalog catalog = WorkloadCatalog.discover();
    // No host and no options: the benchmarks as the code declares them, wherever list runs.
    WorkloadTable table = new WorkloadTable(all ? catalog.all() : catalog.visible(), WorkloadContext.none());
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
