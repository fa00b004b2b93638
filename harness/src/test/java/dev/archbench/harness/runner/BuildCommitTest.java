package dev.archbench.harness.runner;

import dev.archbench.harness.runner.lifecycle.BuildCommit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BuildCommitTest {
  private static final String ID = "6b81fd0035b902070ffa404903b4b0c4e8df0d45";

  private static Properties props(String id, String dirty) {
    Properties p = new Properties();
    if (id != null) {
      p.setProperty("git.commit.id", id);
    }
    if (dirty != null) {
      p.setProperty("git.dirty", dirty);
    }
    return p;
  }

  @Test
  void commitIdWithDirtyMarker() {
    assertThat(BuildCommit.of(props(ID, "false"))).isEqualTo(ID);
    assertThat(BuildCommit.of(props(ID, "true"))).isEqualTo(ID + "-dirty");
    assertThat(BuildCommit.of(props(ID, null))).isEqualTo(ID);
  }

  @Test
  void anythingButAFullCommitIdIsNull() {
    assertThat(BuildCommit.of(props(null, "true"))).isNull();
    assertThat(BuildCommit.of(props("", "false"))).isNull();
    assertThat(BuildCommit.of(props("6b81fd0", "false"))).isNull();
    assertThat(BuildCommit.of(props("${git.commit.id}", "false"))).isNull();
    assertThat(BuildCommit.of(props("token=abc; rm -rf /", "false"))).isNull();
  }

  /** Built from this checkout: the build's commit is the checkout's HEAD. */
  @Test
  void theBuildRecordsTheCheckoutsHead() throws IOException, InterruptedException {
    Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    boolean finished = git.waitFor(30, TimeUnit.SECONDS);
    if (!finished || git.exitValue() != 0) {
      // Not a git checkout (a source tarball): the plugin writes nothing and the record says null.
      assertThat(BuildCommit.current()).isNull();
      return;
    }
    assertThat(BuildCommit.current()).matches("[0-9a-f]{40}(-dirty)?").startsWith(head);
  }
}
