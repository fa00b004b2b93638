package dev.archbench.harness.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A command that serves until stopped ({@code serve}, {@code agent}), run in the background with its
 * output captured, so a test can wait for the line that says where it listens.
 */
record ServingRun(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {
  static ServingRun start(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = ArchbenchCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return new ServingRun(CompletableFuture.supplyAsync(() -> cl.execute(args)), out, err);
  }

  /** The first match of {@code line} in the output, within 20 s and while the command runs. */
  Matcher await(Pattern line) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline && !exit.isDone()) {
      Matcher m = line.matcher(out.toString());
      if (m.find()) {
        return m;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("did not start listening: " + out + err);
  }
}
