package dev.archbench.harness.runner;

import dev.archbench.harness.runner.execute.ParentWatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ParentWatch} as a Java agent: a JVM whose main class is not ours still dies with its parent. */
class ParentWatchAgentTest {
  @TempDir Path dir;

  /** A main class that never ends on its own. */
  public static final class Sleeper {
    public static void main(String[] args) throws InterruptedException {
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void aJvmUnderTheAgentHaltsOnceItsParentIsGone() throws Exception {
    String option = ParentWatch.agentOption(dir.resolve("watch.jar"));
    assertThat(option).isEqualTo("-javaagent:" + dir.resolve("watch.jar").toAbsolutePath() + "="
        + ProcessHandle.current().pid());
    // A stand-in parent that the test can kill: the agent watches whichever pid it is given.
    Process parent = new ProcessBuilder("sleep", "600").start();
    Process child = null;
    try {
      String watched = option.substring(0, option.lastIndexOf('=') + 1) + parent.pid();
      child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), watched,
          "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()))
          .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
      assertThat(child.waitFor(2, TimeUnit.SECONDS)).as("alive while its parent lives").isFalse();
      parent.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("ended after its parent").isTrue();
      assertThat(child.exitValue()).isEqualTo(137);
    } finally {
      parent.destroyForcibly();
      if (child != null) {
        Runs.killTree(child.toHandle());
      }
    }
  }
}
