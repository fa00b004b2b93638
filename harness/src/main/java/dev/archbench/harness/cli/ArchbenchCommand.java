package dev.archbench.harness.cli;

import dev.archbench.record.RecordException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command; each subcommand is one class in this package. */
@Command(
    name = "archbench",
    mixinStandardHelpOptions = true,
    versionProvider = ArchbenchCommand.ManifestVersion.class,
    description = "Benchmarks Java and ML workloads on this host and compares hosts on price-performance.",
    subcommands = {
      SysinfoCommand.class,
      ListCommand.class,
      RunCommand.class,
      ReportCommand.class,
      CompareCommand.class,
      PricesCommand.class,
      ServeCommand.class,
      AgentCommand.class,
      ReadmeCommand.class,
      CommandLine.HelpCommand.class
    })
public final class ArchbenchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** Builds the command line with archbench's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new ArchbenchCommand());
    cl.setExecutionExceptionHandler(ArchbenchCommand::handleExecutionException);
    cl.setParameterExceptionHandler(ArchbenchCommand::handleParameterException);
    return cl;
  }

  public static int execute(String[] args) {
    return commandLine().execute(args);
  }

  /** Known failures become one line and an exit code; anything else is a bug and says so. */
  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof UserException ue) {
      err.println("archbench: " + ue.getMessage());
      err.flush();
      return ue.exitCode();
    }
    if (ex instanceof RecordException re) {
      err.println("archbench: " + re.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
    if (ex instanceof CommandLine.ParameterException pe) {
      return handleParameterException(pe, new String[0]);
    }
    err.println("archbench: internal error: " + ex + " (please report it; run with -Darchbench.debug=true for the stack trace)");
    if (Boolean.getBoolean("archbench.debug")) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.FAILURE;
  }

  /** A usage error: the message, then how to get the relevant usage; exit 2. */
  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("archbench: " + ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
    err.println(cl.getHelp().fullSynopsis().stripTrailing());
    err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** {@code --version} from the jar manifest, so it is the version that was built. */
  public static final class ManifestVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"archbench " + version(), "JVM: " + System.getProperty("java.vm.name") + " "
          + System.getProperty("java.runtime.version") + " (" + System.getProperty("os.arch") + ")"};
    }

    /** The harness version from the manifest, or {@code dev} when run from classes. */
    public static String version() {
      String v = ArchbenchCommand.class.getPackage().getImplementationVersion();
      return v == null ? "dev" : v;
    }
  }
}
