package dev.archbench.workloads.web.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  @Test
  void levelsRelativeToVcpus() {
    assertThat(Concurrency.connections("1", 64)).isEqualTo(1);
    assertThat(Concurrency.connections("0.5x", 2)).isEqualTo(1);
    assertThat(Concurrency.connections("0.5x", 1)).isEqualTo(1);
    assertThat(Concurrency.connections("4x", 2)).isEqualTo(8);
    assertThat(Concurrency.connections(" 2X ", 48)).isEqualTo(96);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> Concurrency.connections("0", 2)).hasMessageContaining("positive");
    assertThatThrownBy(() -> Concurrency.connections("-1x", 2)).hasMessageContaining("positive");
    assertThatThrownBy(() -> Concurrency.connections("many", 2)).hasMessageContaining("N or Fx");
  }

  @Test
  void clientThreadsAreFewAndNeverMoreThanConnections() {
    assertThat(Concurrency.clientThreads(1, 64, true)).isEqualTo(1);
    assertThat(Concurrency.clientThreads(256, 64, true)).as("beside the server: half the CPUs").isEqualTo(32);
    assertThat(Concurrency.clientThreads(8, 2, true)).isEqualTo(1);
    assertThat(Concurrency.clientThreads(256, 64, false)).as("on a host of its own: every CPU").isEqualTo(64);
    assertThat(Concurrency.clientThreads(3, 64, false)).isEqualTo(3);
  }
}
