package dev.archbench.workloads.compression.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated corpora to files, e.g. to run native CLIs on the very bytes archbench measures.
 * Usage: {@code WriteCorpora DIR [id...]} (all corpora when no id is given).
 */
public final class WriteCorpora {
  private WriteCorpora() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: WriteCorpora DIR [id...]");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (GeneratedCorpus g : GeneratedCorpus.values()) {
      boolean wanted = args.length == 1;
      for (int i = 1; i < args.length; i++) {
        wanted |= args[i].equals(g.id());
      }
      if (wanted) {
        Corpus c = g.corpus();
        Files.write(dir.resolve(g.id()), c.data());
        System.out.println(dir.resolve(g.id()) + " " + c.sha256());
      }
    }
  }
}
