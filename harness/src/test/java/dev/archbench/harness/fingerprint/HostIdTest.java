package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.Host;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostIdTest {
  private static final List<String> TREES = List.of("c7g.xlarge", "r8g.large", "c7i.xlarge", "c7a.xlarge",
      "inf2.xlarge", "g4dn.xlarge", "m4.large", "laptop", "container-c6g");

  @Test
  void differsAcrossMachineTypes() {
    Set<String> ids = new HashSet<>();
    for (String tree : TREES) {
      ids.add(Fixtures.collect(tree).id());
    }
    assertThat(ids).hasSize(TREES.size());
  }

  @Test
  void equalForAnotherInstanceOfTheSameTypeWithOtherSoftware(@TempDir Path tmp) throws IOException {
    Path copy = tmp.resolve("c7g-other");
    copyTree(Fixtures.dir("c7g.xlarge"), copy);
    // Another AMI: other kernel, OS, a few MiB of memory more reserved, a container limit.
    Files.writeString(copy.resolve("proc/sys/kernel/osrelease"), "6.8.0-1018-aws\n");
    Files.writeString(copy.resolve("etc/os-release"), "NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\n");
    Files.writeString(copy.resolve("proc/meminfo"), "MemTotal:        7901000 kB\n");
    Files.writeString(copy.resolve("sys/fs/cgroup/cpu.max"), "100000 100000\n");
    Host a = Fixtures.collect("c7g.xlarge");
    Host b = Fingerprinter.collect(HostRoots.under(copy), Fixtures.NO_IMDS, Fixtures.REFUSE);
    assertThat(b.os()).isNotEqualTo(a.os());
    assertThat(b.id()).isEqualTo(a.id());
  }

  @Test
  void memoryCountsOffCloud() {
    Host laptop = Fixtures.collect("laptop");
    String id16 = HostId.of(laptop.arch(), laptop.cpu(), 16L << 30, null, List.of());
    String id32 = HostId.of(laptop.arch(), laptop.cpu(), 32L << 30, null, List.of());
    assertThat(id16).isNotEqualTo(id32);
    // MemTotal a little under 16 GiB is still the 16 GiB machine.
    assertThat(HostId.of(laptop.arch(), laptop.cpu(), (16L << 30) - (300L << 20), null, List.of())).isEqualTo(id16);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
