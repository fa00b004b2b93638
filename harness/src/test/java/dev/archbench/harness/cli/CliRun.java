package dev.archbench.harness.cli;

import dev.archbench.harness.runner.Runs;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the archbench command line with captured output. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    CommandLine cl = ArchbenchCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
