package dev.archbench.harness;

import dev.archbench.harness.cli.ArchbenchCommand;

/** Entry point of {@code archbench.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(ArchbenchCommand.execute(args));
  }
}
