package dev.archbench.harness.cli;

import dev.archbench.harness.docs.GeneratedSections;
import dev.archbench.harness.runner.plan.WorkloadCatalog;
import dev.archbench.harness.runner.plan.WorkloadTable;
import dev.archbench.record.RecordFiles;
import dev.archbench.workload.WorkloadContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Regenerates the README's generated sections (CLI reference, workload table) from the code, or
 * checks that they are current ({@code --check}, used by CI).
 */
@Command(name = "readme", hidden = true, mixinStandardHelpOptions = true,
    description = "Regenerate (or --check) the generated sections of README.md.")
public final class ReadmeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--check", description = "Exit 1 if the file is not up to date; change nothing.")
  boolean check;

  @Parameters(arity = "0..*", paramLabel = "FILE",
      description = "Markdown files (default: README.md docs/cli.md).")
  List<Path> files = List.of(Path.of("README.md"), Path.of("docs/cli.md"));

  @Override
  public Integer call() throws IOException {
    int exit = ExitCodes.OK;
    for (Path file : files) {
      exit = Math.max(exit, process(file));
    }
    return exit;
  }

  private int process(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new UserException(file + ": no such file");
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String updated;
    try {
      updated = GeneratedSections.regenerate(text, sections());
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
    if (updated.equals(text)) {
      spec.commandLine().getOut().println(file + " is up to date");
      return ExitCodes.OK;
    }
    if (check) {
      spec.commandLine().getErr().println("archbench: " + file
          + " is out of date with the code; run ./archbench readme to regenerate it");
      return ExitCodes.FAILURE;
    }
    RecordFiles.writeAtomically(file, updated);
    spec.commandLine().getOut().println(file + " regenerated");
    return ExitCodes.OK;
  }

  private Map<String, String> sections() {
    Map<String, String> s = new TreeMap<>();
    s.put("cli", cliReference());
    s.put("workloads", new WorkloadTable(WorkloadCatalog.discover().visible(), WorkloadContext.none()).markdown());
    return s;
  }

  /** The usage text of every visible command, as it prints with {@code --help}. */
  static String cliReference() {
    CommandLine root = ArchbenchCommand.commandLine();
    root.setUsageHelpWidth(100);
    StringBuilder sb = new StringBuilder();
    appendUsage(sb, root);
    return sb.toString();
  }

  private static void appendUsage(StringBuilder sb, CommandLine cl) {
    if (cl.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    cl.setUsageHelpWidth(100);
    sb.append("```text\n$ ").append(cl.getCommandSpec().qualifiedName()).append(" --help\n")
        .append(cl.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing()).append("\n```\n\n");
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (sub.getParent() == cl && !"help".equals(sub.getCommandName())) {
        appendUsage(sb, sub);
      }
    }
  }
}
