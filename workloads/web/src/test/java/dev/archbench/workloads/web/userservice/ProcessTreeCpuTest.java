package dev.archbench.workloads.web.userservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /proc/PID/stat} lines as Linux writes them (an nginx master and two workers, a JVM, a shell). */
class ProcessTreeCpuTest {
  static final String MASTER = "4100 (nginx) S 1 4100 4100 0 -1 4194560 140 0 0 0 3 5 0 0 20 0 1 0 8811 12345 300 "
      + "18446744073709551615 1 1 0 0 0 0 0 1 0 0 0 0 17 1 0 0 0 0 0";
  static final String WORKER1 = "4101 (nginx) S 4100 4100 4100 0 -1 4194624 90 0 0 0 120 340 0 0 20 0 1 0 8812 1 1";
  static final String WORKER2 = "4102 (nginx) R 4100 4100 4100 0 -1 4194624 90 0 0 0 100 300 0 0 20 0 1 0 8812 1 1";
  /** A name with a space and parentheses: the fields after the last ')' count. */
  static final String ODD = "4200 (my (odd) svc) S 1 4200 4200 0 -1 0 0 0 0 0 7 1 0 0 20 0 1 0 9000 1 1";

  @Test
  void parsesTheFieldsAfterTheCommandName() {
    assertThat(ProcessTreeCpu.parse(MASTER)).isEqualTo(new ProcessTreeCpu.Stat(4100, 1, 8));
    assertThat(ProcessTreeCpu.parse(ODD)).isEqualTo(new ProcessTreeCpu.Stat(4200, 1, 8));
  }

  @Test
  void sumsTheProcessAndItsDescendantsOnly() {
    List<ProcessTreeCpu.Stat> all = List.of(ProcessTreeCpu.parse(MASTER), ProcessTreeCpu.parse(WORKER1),
        ProcessTreeCpu.parse(WORKER2), ProcessTreeCpu.parse(ODD));
    assertThat(ProcessTreeCpu.sum(all, 4100)).isEqualTo(OptionalLong.of((8 + 460 + 400) * 10_000_000L));
    assertThat(ProcessTreeCpu.sum(all, 4101)).isEqualTo(OptionalLong.of(460 * 10_000_000L));
    assertThat(ProcessTreeCpu.sum(all, 999)).isEmpty();
  }

  @Test
  void readsAProcTree(@TempDir Path proc) throws Exception {
    for (String line : List.of(MASTER, WORKER1, WORKER2)) {
      Path d = Files.createDirectories(proc.resolve(line.substring(0, 4)));
      Files.writeString(d.resolve("stat"), line + "\n");
    }
    Files.createDirectories(proc.resolve("self"));
    Files.createDirectories(proc.resolve("4300")); // a process that ended while we looked: no stat
    assertThat(new ProcessTreeCpu(proc, 4100).cpuNanos()).isEqualTo(OptionalLong.of(868 * 10_000_000L));
    assertThat(new ProcessTreeCpu(proc.resolve("absent"), 4100).cpuNanos()).isEmpty();
  }

  @Test
  void thisJvmUsesCpuTimeOnLinux() {
    OptionalLong self = new ProcessTreeCpu(Path.of("/proc"), ProcessHandle.current().pid()).cpuNanos();
    assertThat(self).isPresent();
    assertThat(self.getAsLong()).isPositive();
  }
}
