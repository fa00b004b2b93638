package dev.archbench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.record.SmallDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection at the start of a run: an output directory that cannot be created or written, and
 * free-text options that would forge report lines. Each is the user's to fix: one line, exit 2, and
 * nothing runs or is left behind.
 */
class BadOutputAndOptionsTest {
  @TempDir Path dir;

  private static CliRun run(Path out, String... more) {
    String[] args = new String[6 + more.length];
    System.arraycopy(new String[] {"run", "--workloads", "selftest", "--profile", "smoke", "--out=" + out}, 0, args, 0,
        6);
    System.arraycopy(more, 0, args, 6, more.length);
    return CliRun.of(args);
  }

  private static void assertUsage(CliRun r, String start) {
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err().lines()).singleElement().asString().startsWith(start).doesNotContain("please report");
  }

  @Test
  void anOutputPathThatIsAFileIsAUsageError() throws Exception {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    assertUsage(run(file), "archbench: --out " + file + ": is a file, not a directory");
    assertUsage(run(file.resolve("sub")), "archbench: --out " + file.resolve("sub") + ": ");
  }

  @Test
  void anOutputDirectoryThatCannotBeCreatedIsAUsageError() {
    assertUsage(run(Path.of("/proc/forbidden")), "archbench: --out /proc/forbidden: cannot create the directory: ");
  }

  @Test
  void aReadOnlyOutputDiskIsAUsageError() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("ro"), 64, true)) {
      assertUsage(run(disk.dir()), "archbench: --out " + disk.dir() + ": ");
    }
  }

  @Test
  void aFullOutputDiskIsAUsageErrorAndLeavesNoRecord() throws Exception {
    try (SmallDisk disk = SmallDisk.mount(dir.resolve("full"), 64, false)) {
      disk.fill();
      CliRun r = run(disk.dir());
      assertUsage(r, "archbench: --out " + disk.dir() + ": ");
      assertThat(r.err()).contains("No space left on device");
      try (var files = Files.list(disk.dir())) {
        assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.startsWith(".filler"));
      }
    }
  }

  @Test
  void labelsWithControlCharactersOrOfAnyLengthAreRefused() {
    Path out = dir.resolve("o");
    assertUsage(run(out, "--label", "host\nevil"), "archbench: --label: control character U+000A at position 5");
    assertUsage(run(out, "--label", "x".repeat(101)), "archbench: --label: 101 characters; at most 100");
    assertThat(out).doesNotExist();
    CliRun title = CliRun.of("report", dir.toString(), "--title", "a\tb");
    assertUsage(title, "archbench: --title: control character U+0009");
  }
}
