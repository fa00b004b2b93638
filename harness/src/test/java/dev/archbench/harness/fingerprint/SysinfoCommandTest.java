package dev.archbench.harness.fingerprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.archbench.harness.cli.ArchbenchCommand;
import dev.archbench.record.Host;
import dev.archbench.record.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code archbench sysinfo} through the real command line, with captured output. */
class SysinfoCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = ArchbenchCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String[] fixtureArgs(String tree, String... more) {
    Path d = Fixtures.dir(tree);
    List<String> args = new java.util.ArrayList<>(List.of("sysinfo", "--no-imds",
        "--sysfs", d.resolve("sys").toString(), "--procfs", d.resolve("proc").toString(),
        "--devfs", d.resolve("dev").toString(), "--etc", d.resolve("etc").toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  @Test
  void unknownOptionIsAUsageErrorWithoutStackTrace() {
    Run r = run("sysinfo", "--no-such-option");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("archbench: Unknown option: '--no-such-option'")
        .contains("Usage: archbench sysinfo").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().lines().count()).isLessThanOrEqualTo(6); // message, suggestion, synopsis, hint
  }

  @Test
  void missingRootDirectoryIsOneLineAndExitOne() {
    Run r = run("sysinfo", "--sysfs", "/no/such/sysfs");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("archbench: --sysfs /no/such/sysfs: not a directory" + System.lineSeparator());
  }

  @Test
  void existingButEmptyRootsDegradeToNulls(@org.junit.jupiter.api.io.TempDir Path empty) throws Exception {
    Run r = run("sysinfo", "--json", "--no-imds", "--sysfs", empty.toString(), "--procfs", empty.toString(),
        "--devfs", empty.toString(), "--etc", empty.toString());
    assertThat(r.exit()).isZero();
    Host h = Json.mapper().readValue(r.out(), Host.class);
    assertThat(h.cpu().model()).isNull();
    assertThat(h.cpu().logicalCores()).isNull();
    assertThat(h.memory().totalBytes()).isNull();
    assertThat(h.cloud()).isEqualTo(Host.Cloud.NONE);
    assertThat(h.jvm().version()).isEqualTo(System.getProperty("java.runtime.version"));
  }

  @Test
  void jsonIsTheHostObjectOfTheFixture() throws Exception {
    Run r = run(fixtureArgs("c7g.xlarge", "--json"));
    assertThat(r.exit()).isZero();
    assertThat(r.err()).isEmpty();
    Host printed = Json.mapper().readValue(r.out(), Host.class);
    Host direct = Fixtures.collect("c7g.xlarge");
    assertThat(printed.cpu()).isEqualTo(direct.cpu());
    assertThat(printed.cloud()).isEqualTo(direct.cloud());
    assertThat(printed.id()).isEqualTo(direct.id());
    // Explicit nulls, as the contract says: unknown is null, not absent.
    assertThat(Json.mapper().readTree(r.out()).path("cpu").has("maxFrequencyHz")).isTrue();
    assertThat(Json.mapper().readTree(r.out()).path("cpu").get("maxFrequencyHz").isNull()).isTrue();
  }

  @Test
  void tableHasAlignedSectionsInOrder() {
    Run r = run(fixtureArgs("inf2.xlarge"));
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    List<String> sections = lines.stream().filter(l -> !l.isEmpty() && !l.startsWith(" ")).toList();
    assertThat(sections).containsExactly("CPU", "Memory", "OS", "Container", "JVM", "Cloud", "Platform", "Accelerators",
        "Environment", "Host");
    // Every row's value (and every wrapped continuation) starts in the same column.
    List<Integer> valueColumns = lines.stream().filter(l -> l.startsWith("  ") && !l.isBlank())
        .map(SysinfoCommandTest::valueColumn).distinct().toList();
    assertThat(valueColumns).hasSize(1);
    assertThat(r.out()).contains("  Microarchitecture   Zen 3\n", "  Instance type       inf2.xlarge\n",
        "  Neuron              1 x AWS Inferentia2 (32 GiB each), driver 2.19.64.0\n",
        "  Caches              L1d 32 KiB, L1i 32 KiB (per core), L2 512 KiB, L3 32 MiB (per socket)\n");
  }

  /** Labels are words separated by single spaces, padded with at least two spaces. */
  private static int valueColumn(String line) {
    int col = line.indexOf("  ", 2);
    while (col < line.length() && line.charAt(col) == ' ') {
      col++;
    }
    return col;
  }
}
