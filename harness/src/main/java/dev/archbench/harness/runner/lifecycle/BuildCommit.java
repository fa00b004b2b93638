package dev.archbench.harness.runner.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The git commit archbench was built from, for {@code run.gitCommit}: written at build time into
 * {@code git.properties} by the git-commit-id plugin, with {@code -dirty} appended when the build
 * included uncommitted changes. {@code null} when built outside a git checkout.
 */
public final class BuildCommit {
  static final String RESOURCE = "/dev/archbench/harness/git.properties";

  private BuildCommit() {}

  /** The commit of the running build, or {@code null}. */
  public static String current() {
    try (InputStream in = BuildCommit.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return of(p);
    } catch (IOException e) {
      return null;
    }
  }

  /** A full hexadecimal commit id, plus {@code -dirty}; {@code null} for anything else. */
  public static String of(Properties p) {
    String id = p.getProperty("git.commit.id", "").trim();
    if (!id.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
      return null;
    }
    return Boolean.parseBoolean(p.getProperty("git.dirty", "false").trim()) ? id + "-dirty" : id;
  }
}
